import { expect, type Page } from "@playwright/test";
import { messages as en } from "../../../packages/ui/src/messages/en/index.ts";
import { messages as fr } from "../../../packages/ui/src/messages/fr/index.ts";

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else leaves(value, path, out);
  }
  return out;
}

const english = leaves(en);
const french = leaves(fr);

/**
 * Sentences of the English catalogue that French pages must never show: the literal text between a message's
 * arguments and tags, where it differs from the French message, at least four words long (shorter runs such as
 * "IATI 2.03" or a programme code are the same in both languages).
 */
export const ENGLISH_PHRASES: readonly string[] = [
  ...new Set(
    [...english]
      .filter(([key, text]) => french.get(key) !== text)
      .flatMap(([, text]) => text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}|<[^>]+>/))
      .map((part) => part.trim().replace(/[.:;,]+$/, ""))
      .filter((part) => part.split(/\s+/).length >= 4 && !/[{}#]/.test(part)),
  ),
];

const NAMESPACES = Object.keys(en);
/** next-intl's fallback for a missing message is its path, "namespace.key". */
const MESSAGE_PATH = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z0-9_]+(?:\\.[A-Za-z0-9_]+)*\\b`);

/** Collects next-intl's complaints (MISSING_MESSAGE, FORMATTING_ERROR) from the browser's console and page errors. */
export function watchIntlErrors(page: Page): string[] {
  const seen: string[] = [];
  const keep = (text: string) => {
    if (/MISSING_MESSAGE|FORMATTING_ERROR|INSUFFICIENT_PATH|INVALID_MESSAGE/.test(text)) seen.push(text);
  };
  page.on("console", (message) => keep(message.text()));
  page.on("pageerror", (error) => keep(error.message));
  return seen;
}

/** Fails when the French page shows a message path (a missing message) or an English sentence from the catalogue. */
export async function expectNoCatalogueMisses(page: Page, intlErrors: string[]) {
  await page.locator("main").first().waitFor();
  // A page that fell back to English would pass vacuously.
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  const text = (await page.locator("body").innerText()).replace(/\s+/g, " ");
  const path = new URL(page.url()).pathname;
  expect(text.match(MESSAGE_PATH)?.[0] ?? null, `a message path shown on ${path}`).toBeNull();
  const shown = ENGLISH_PHRASES.filter((phrase) => text.includes(phrase));
  expect(shown, `English catalogue text on the French page ${path}`).toEqual([]);
  expect(intlErrors, `next-intl errors on ${path}`).toEqual([]);
}
