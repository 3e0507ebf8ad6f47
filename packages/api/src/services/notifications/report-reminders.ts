import { type Database, grants, reportingRequirements } from "@portal/db";
import { and, eq, inArray, lt } from "drizzle-orm";
import { todayInOttawa } from "../today";
import { requirementFacts } from "./event-facts";
import { notify } from "./notify";
import { partnersOf } from "./recipients";
import { notificationSettings } from "./settings";

const addDays = (iso: string, days: number) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** Reports still to hand in: open, or sent back for changes. */
const AWAITED = ["open", "changes_requested"] as const;
/** Grants whose partners still owe reports. */
const LIVE_GRANTS = ["approved", "active", "suspended", "closing"] as const;

/**
 * Tells partners, once per report and due date, that a report is due in N days (REPORT_REMINDER_DAYS), and once that
 * it is overdue. The dedup keys make the daily job safe to run twice on one day.
 */
export async function sendReportReminders(db: Database, today = todayInOttawa()) {
  const { reminderDays } = notificationSettings();
  const dueBy = addDays(today, reminderDays);
  const rows = await db
    .select({ id: reportingRequirements.id, dueOn: reportingRequirements.dueOn })
    .from(reportingRequirements)
    .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
    .where(
      and(
        inArray(reportingRequirements.status, [...AWAITED]),
        inArray(grants.status, [...LIVE_GRANTS]),
        lt(reportingRequirements.dueOn, addDays(dueBy, 1)),
      ),
    );
  let sent = 0;
  for (const row of rows) {
    await db.transaction(async (tx) => {
      const facts = await requirementFacts(tx, row.id);
      if (!facts) return;
      const overdue = row.dueOn < today;
      const days = Math.round((Date.parse(row.dueOn) - Date.parse(today)) / 86_400_000);
      const kind = overdue ? "reportOverdue" : "reportDue";
      sent += await notify(tx, await partnersOf(tx, facts.grant.recipientId), {
        kind,
        params: overdue ? facts.params : { ...facts.params, days },
        path: `/reports/${row.id}`,
        dedupKey: `reminder:${row.id}:${row.dueOn}:${kind}`,
      });
    });
  }
  return { requirements: rows.length, notified: sent };
}
