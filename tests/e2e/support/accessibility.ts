import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The conformance target of the Standard on Web Accessibility: WCAG 2.1 at levels A and AA. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

export interface PageFacts {
  path: string;
  title: string;
}

/**
 * What every page must satisfy, whoever reads it and in either language: no axe violation at A or AA, one main
 * landmark, no id used twice (labels and aria references would point at the wrong element), and a title of its own.
 */
export async function expectAccessible(page: Page): Promise<PageFacts> {
  await page.waitForLoadState("load");
  // An error screen is accessible too: it must not pass for the page that failed to render.
  await expect(
    page.getByRole("heading", { level: 1, name: /^(Something went wrong|Une erreur est survenue)$/ }),
    `error screen on ${page.url()}`,
  ).toHaveCount(0);
  const { violations } = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const summary = violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(summary, `axe on ${page.url()}`).toEqual([]);

  const facts = await page.evaluate(() => {
    const counts = new Map<string, number>();
    for (const element of document.querySelectorAll("[id]")) counts.set(element.id, (counts.get(element.id) ?? 0) + 1);
    return {
      duplicateIds: [...counts].filter(([, n]) => n > 1).map(([id]) => id),
      mains: document.querySelectorAll("main, [role=main]").length,
      title: document.title,
    };
  });
  expect(facts.duplicateIds, `duplicate ids on ${page.url()}`).toEqual([]);
  expect(facts.mains, `main landmarks on ${page.url()}`).toBe(1);
  expect(facts.title.trim(), `title of ${page.url()}`).not.toBe("");
  return { path: new URL(page.url()).pathname, title: facts.title };
}

/** Distinct pages have distinct titles (WCAG 2.4.2): a reader with many tabs open tells them apart by it. */
export function expectUniqueTitles(pages: PageFacts[]) {
  const byTitle = new Map<string, Set<string>>();
  for (const { path, title } of pages) byTitle.set(title, (byTitle.get(title) ?? new Set()).add(path));
  const shared = [...byTitle]
    .filter(([, paths]) => paths.size > 1)
    .map(([title, paths]) => `${title}: ${[...paths].join(", ")}`);
  expect(shared).toEqual([]);
}

/** The first link on a list page that leads to a record of that kind (the list may stream in behind a skeleton). */
export async function firstRecord(page: Page, list: string, pattern: RegExp): Promise<string> {
  await page.goto(list);
  const find = () =>
    page.locator("main a[href]").evaluateAll((links, source) => {
      const re = new RegExp(source);
      return links.map((a) => a.getAttribute("href") ?? "").find((h) => re.test(h)) ?? null;
    }, pattern.source);
  await expect.poll(find, { message: `a record link on ${list}`, timeout: 15_000 }).not.toBeNull();
  return (await find())!;
}

/** Loads each page in turn and checks it with `expectAccessible`. */
export async function visitAll(page: Page, paths: string[]): Promise<PageFacts[]> {
  const facts: PageFacts[] = [];
  for (const path of paths) {
    await page.goto(path);
    facts.push(await expectAccessible(page));
  }
  return facts;
}

/** Reads pages in French without clicking through the switch: the locale is a cookie. */
export async function useFrench(page: Page, baseURL: string) {
  await page.context().addCookies([{ name: "portal-locale", value: "fr", url: baseURL }]);
}
