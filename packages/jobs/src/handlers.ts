import {
  dispatchAuditEvents,
  notifyFailedJobs,
  refreshAllPaymentHolds,
  sendDailyDigests,
  sendOfficerActionDigests,
  sendReportReminders,
  todayInOttawa,
} from "@portal/api/notifications";
import type { Database } from "@portal/db";
import { deliverPendingEmails } from "./deliver-emails";
import type { Mailer } from "./mailer";
import type { QueueName } from "./queues";

export interface JobContext {
  db: Database;
  mailer: Mailer | null;
  /** Asks for an e-mail delivery run now (after something was written), rather than at the next minute. */
  requestDelivery: () => Promise<void>;
  /** Asks for an audit-event dispatch now. */
  requestDispatch: () => Promise<void>;
}

export interface JobData {
  scheduledFor?: string;
}

/** Dates a scheduled job acts on: the moment it was scheduled for, so a late or retried run acts on its own day. */
const whenOf = (data: JobData) => (data.scheduledFor ? new Date(data.scheduledFor) : new Date());

export const HANDLERS: Record<QueueName, (ctx: JobContext, data: JobData) => Promise<object>> = {
  "dispatch-audit-events": async (ctx) => {
    const result = await dispatchAuditEvents(ctx.db);
    if (result.dispatched > 0) await ctx.requestDelivery();
    return result;
  },
  "deliver-emails": (ctx) => deliverPendingEmails(ctx.db, ctx.mailer),
  "refresh-payment-holds": async (ctx, data) => {
    const result = await refreshAllPaymentHolds(ctx.db, todayInOttawa(whenOf(data)));
    // The holds' audit events tell the officers: dispatch them now rather than at the next minute.
    if (result.changedPayments > 0) await ctx.requestDispatch();
    return result;
  },
  "report-reminders": async (ctx, data) => {
    const result = await sendReportReminders(ctx.db, todayInOttawa(whenOf(data)));
    await ctx.requestDelivery();
    return result;
  },
  "daily-digest": async (ctx, data) => {
    const result = await sendDailyDigests(ctx.db, whenOf(data));
    // The same morning run: each officer's list of what needs their action, read from their dashboard.
    const actions = await sendOfficerActionDigests(ctx.db, whenOf(data));
    await ctx.requestDelivery();
    return { ...result, actionDigests: actions.sent };
  },
  "watch-job-failures": async (ctx) => {
    const result = await notifyFailedJobs(ctx.db);
    if (result.failed > 0) await ctx.requestDelivery();
    return result;
  },
};
