import { expect, type Page, test } from "@playwright/test";
import { createDb, emailMessages } from "@portal/db";
import { and, desc, eq, like } from "drizzle-orm";
import { signIn } from "../support/sign-in";

/** The outbox (no SMTP server in the tests): the newest message to an address whose subject starts so. */
async function latestEmail(to: string, subjectStart: string) {
  const db = createDb(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    for (let attempt = 0; attempt < 100; attempt++) {
      const [message] = await db
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.toAddress, to), like(emailMessages.subject, `${subjectStart}%`)))
        .orderBy(desc(emailMessages.createdAt))
        .limit(1);
      if (message) return message;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no e-mail to ${to} starting "${subjectStart}"`);
  } finally {
    await db.close();
  }
}

const linkIn = (text: string, path: string) => {
  const found = text.match(new RegExp(`https?://\\S+${path}\\S*`));
  if (!found) throw new Error(`no ${path} link in:\n${text}`);
  return found[0];
};

async function signInAs(page: Page, email: string, password: string) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test("invitation by e-mail, forgotten password, and a submitted report lighting the officer's bell", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  const email = `mailed-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 6)}@icbl.example.org`;
  const firstPassword = "the first long password";
  const newPassword = "a new password after forgetting";

  // 1. The ICBL manager invites a colleague who may submit reports.
  await signIn(page, "partnerIcbl");
  await page.goto("/members");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Name (optional)").fill("Morgan Mailed");
  await page.getByRole("checkbox", { name: "Submit reports" }).check();
  await page.getByTestId("send-invitation").click();
  await expect(page.getByTestId("invitation-link")).toContainText("has been e-mailed");
  await page.context().close();

  // 2. The invitation e-mail (from the outbox) is opened in the colleague's browser; the account is created.
  const invitation = await latestEmail(email, "You are invited");
  expect(invitation.htmlBody).toContain("/invite/");
  const colleague = await (await browser.newContext()).newPage();
  await colleague.goto(linkIn(invitation.textBody, "/invite/"));
  await colleague.getByLabel("Password", { exact: true }).fill(firstPassword);
  await colleague.getByLabel("Confirm the password").fill(firstPassword);
  await colleague.getByTestId("accept-invitation").click();
  await expect(colleague).toHaveURL(/\/partner$/);

  // 3. Later, signed out, they have forgotten the password: the sign-in page's link sends a reset e-mail.
  await colleague.context().clearCookies();
  await colleague.goto("/sign-in");
  await colleague.getByRole("link", { name: "Forgot your password?" }).click();
  await colleague.getByLabel("E-mail address").fill(email);
  await colleague.getByRole("button", { name: "Send the link" }).click();
  await expect(colleague.getByTestId("reset-requested")).toContainText("If an account uses this address");
  const reset = await latestEmail(email, "Reset your");
  await colleague.goto(linkIn(reset.textBody, "/reset-password"));
  await colleague.getByLabel("New password", { exact: true }).fill(newPassword);
  await colleague.getByLabel("Repeat the new password").fill(newPassword);
  await colleague.getByRole("button", { name: "Save the new password" }).click();
  await expect(colleague.getByTestId("password-reset-done")).toBeVisible();
  // The link works once.
  await colleague.goto(linkIn(reset.textBody, "/reset-password"));
  await colleague.getByLabel("New password", { exact: true }).fill("yet another long password");
  await colleague.getByLabel("Repeat the new password").fill("yet another long password");
  await colleague.getByRole("button", { name: "Save the new password" }).click();
  await expect(colleague.getByTestId("reset-problem")).toContainText("already been used");

  // 4. They sign in with the new password (the old one no longer works) and submit a report.
  await colleague.goto("/sign-in");
  await colleague.getByLabel("Email").fill(email);
  await colleague.getByLabel("Password").fill(firstPassword);
  await colleague.getByRole("button", { name: "Sign in" }).click();
  await expect(colleague).toHaveURL(/\/sign-in/);
  await signInAs(colleague, email, newPassword);
  const row = colleague.getByTestId("report-CLF-2002-ICBL-narrative-final");
  await row.getByRole("link", { name: "Submit" }).click();
  await expect(colleague).toHaveURL(/\/reports\/[0-9a-f-]{36}$/);
  const reportPath = new URL(colleague.url()).pathname;
  await colleague.getByLabel("Report", { exact: true }).fill("Final narrative report, sent after a password reset.");
  await colleague.getByTestId("submit-report").click();
  await expect(colleague.getByTestId("report-status")).toHaveText("Submitted");
  await colleague.context().close();

  // 5. The officer's bell shows it (the worker turns the audit event into a notification within seconds).
  const officer = await (await browser.newContext()).newPage();
  await signIn(officer, "officer");
  await expect(async () => {
    await officer.goto("/notifications");
    await expect(officer.getByTestId("notification-list")).toContainText(
      "ICBL submitted the final narrative report for",
    );
  }).toPass({ timeout: 30_000 });
  await expect(officer.getByTestId("notification-count")).toBeVisible();
  const before = Number(await officer.getByTestId("notification-count").textContent());
  const item = officer.getByTestId("notification-list").getByRole("listitem").filter({ hasText: "final narrative" });
  await item.first().getByRole("button", { name: "Mark as read" }).click();
  await expect(async () => {
    const after = (await officer.getByTestId("notification-count").count())
      ? Number(await officer.getByTestId("notification-count").textContent())
      : 0;
    expect(after).toBe(before - 1);
  }).toPass({ timeout: 10_000 });
  await item.first().getByRole("link").first().click();
  await expect(officer).toHaveURL(new RegExp(`${reportPath}$`));
});

test("each person's e-mail preferences offer only what their role receives, and a choice is kept", async ({
  browser,
}) => {
  const offered = {
    officer3: ["Reports", "Payments", "Approvals waiting for you", "Daily list of what needs your action"],
    partnerMac: ["Reports", "Payments", "Grant changes"],
  } as const;
  for (const [who, labels] of Object.entries(offered) as [keyof typeof offered, readonly string[]][]) {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, who);
    await page.goto("/notifications");
    const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save preferences" }) });
    const choices = form.getByRole("combobox");
    await expect(choices).toHaveCount(labels.length);
    for (const [index, label] of labels.entries()) {
      await expect(form.locator("label").nth(index)).toContainText(label);
    }
    await expect(form).not.toContainText("Budget");
    await expect(form).not.toContainText("Operations");

    const payments = form.getByLabel(/^Payments/);
    await payments.selectOption("digest");
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(form.getByText("Preferences saved.")).toBeVisible();
    await page.reload();
    await expect(form.getByLabel(/^Payments/)).toHaveValue("digest");
    await form.getByLabel(/^Payments/).selectOption("immediate"); // leave the demo account as it was
    await form.getByRole("button", { name: "Save preferences" }).click();
    await expect(form.getByText("Preferences saved.")).toBeVisible();
    await page.context().close();
  }
});
