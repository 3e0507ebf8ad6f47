import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
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

/** The names of the ICU arguments in parsed elements, inside plural and select cases and tags too. */
function argumentNames(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      argumentNames(element.children, into);
      continue;
    }
    into.add(element.value);
    if (element.type === TYPE.select || element.type === TYPE.plural)
      for (const option of Object.values(element.options)) argumentNames(option.value, into);
  }
  return into;
}

/** ICU arguments such as {count} or {amount}, which both languages must use alike (select cases are not arguments). */
const argumentsOf = (message: string) => [...argumentNames(parse(message), new Set())].sort();

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
