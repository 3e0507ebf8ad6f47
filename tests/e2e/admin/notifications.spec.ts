import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { notifyJobFailure } from "@portal/api/notifications";
import { createDb } from "@portal/db";
import { expectAccessible } from "../support/accessibility";
import { signIn, switchToFrench } from "../support/sign-in";

/** What the worker does when a job fails on its last attempt: the same service, against the apps' database. */
async function aJobFailsForGood(name: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    await notifyJobFailure(db, { jobId: randomUUID(), name, error: "relay refused the connection" });
  } finally {
    await db.close();
  }
}

test("admins have a bell: a failed job shows in the console's header and list, in both languages, and is marked read", async ({
  page,
}) => {
  test.setTimeout(90_000);
  const job = `e2e-job-${Date.now().toString(36)}`;
  await signIn(page, "admin");
  // Start from nothing unread, whatever other specs left.
  await page.goto("/notifications");
  const markAll = page.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isVisible()) {
    await markAll.click();
    await expect(markAll).toBeHidden();
  }
  await expect(page.getByTestId("notification-count")).toHaveCount(0);

  await aJobFailsForGood(job);
  await page.goto("/jobs");
  const bell = page.getByTestId("notification-bell");
  // Other specs may notify admins meanwhile: at least this one is unread.
  await expect(bell).toHaveAccessibleName(/^\d+ unread notifications?$/);
  await expect(page.getByTestId("notification-count")).toHaveText(/^[1-9]\d*$/);

  await bell.click();
  await expect(page).toHaveURL(/\/notifications$/);
  const list = page.getByTestId("notification-list");
  const item = list.getByRole("listitem").filter({ hasText: job });
  await expect(item.getByRole("link", { name: "A scheduled job failed" })).toBeVisible();
  await expect(item).toContainText(`The job ${job} failed: relay refused the connection`);
  await expect(item).toContainText("Unread");
  // The admin's own e-mail settings live here too (admins have no page in the portal).
  await expect(page.getByLabel("Operations (failed scheduled jobs)")).toBeVisible();
  await expectAccessible(page);

  await switchToFrench(page);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName(/^\d+ notifications? non lues?$/);
  const french = page.getByTestId("notification-list").getByRole("listitem").filter({ hasText: job });
  await expect(french.getByRole("link", { name: "Une tâche planifiée a échoué" })).toBeVisible();
  await expect(french).toContainText(`La tâche ${job} a échoué : relay refused the connection`);

  // The link opens the exact page in the console; marking it read takes it off the unread ones.
  await french.getByRole("link", { name: "Une tâche planifiée a échoué" }).click();
  await expect(page).toHaveURL(/\/jobs$/);
  await page.goto("/notifications");
  await page
    .getByTestId("notification-list")
    .getByRole("listitem")
    .filter({ hasText: job })
    .getByRole("button", { name: "Marquer comme lue" })
    .click();
  const done = page.getByTestId("notification-list").getByRole("listitem").filter({ hasText: job });
  await expect(done.getByRole("button", { name: "Marquer comme lue" })).toHaveCount(0);
  await expect(done).not.toContainText("Non lue");
  // Anything another spec left unread meanwhile goes too, and the bell is empty.
  const markAllFrench = page.getByRole("button", { name: "Tout marquer comme lu" });
  if (await markAllFrench.isVisible()) await markAllFrench.click();
  await expect(page.getByTestId("notification-count")).toHaveCount(0);
  await expect(page.getByTestId("notification-bell")).toHaveAccessibleName("Aucune notification non lue");
});
