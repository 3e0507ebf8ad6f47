import { expect, type Locator, type Page } from "@playwright/test";

const isFocused = (target: Locator) =>
  target.evaluate((element) => element === document.activeElement, undefined, { timeout: 5_000 }).catch(() => false);

/**
 * Moves the focus with Tab (or Shift+Tab) until `target` has it, as a keyboard user would, and fails when it is never
 * reached: an element Tab cannot reach is an element a keyboard user cannot use.
 */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 300 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= max; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(`The element was not reached with ${max} presses of ${backwards ? "Shift+Tab" : "Tab"}`);
}
