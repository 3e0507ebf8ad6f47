import { describe, expect, it } from "vitest";
import { messages as en } from "./en";
import { messages as fr } from "./fr";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

/** ICU arguments such as {count} or {amount}, which both languages must use alike. */
const argumentsOf = (message: string) => [...new Set([...message.matchAll(/\{(\w+)[,}]/g)].map((m) => m[1]))].sort();

describe("the English and French catalogues", () => {
  const english = leaves(en);
  const french = leaves(fr);

  it("have exactly the same keys", () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it("use the same arguments in every message", () => {
    for (const [key, message] of english)
      expect({ key, args: argumentsOf(french.get(key) ?? "") }).toEqual({ key, args: argumentsOf(message) });
  });

  it("have no empty or untranslated-looking messages", () => {
    for (const [key, message] of french) expect({ key, empty: message.trim() === "" }).toEqual({ key, empty: false });
  });
});
