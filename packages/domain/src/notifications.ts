import type { Role } from "./roles";

/**
 * Notification categories, what each user may choose for them, and the schedules of background jobs: one home for
 * the constants that the services, the worker, the pages and the validators share.
 */
export const NOTIFICATION_CATEGORIES = [
  "reports",
  "payments",
  "approvals",
  "grants",
  "budget",
  "operations",
  /** Officers' daily list of what needs their action (an e-mail only: "immediately" and "digest" both mean daily). */
  "actions",
] as const;
export type NotificationCategory = (typeof NOTIFICATION_CATEGORIES)[number];

export const NOTIFICATION_DELIVERIES = ["immediate", "digest", "off"] as const;
export type NotificationDelivery = (typeof NOTIFICATION_DELIVERIES)[number];

/** Without a choice: everything by e-mail at once. */
export const DEFAULT_DELIVERY: NotificationDelivery = "immediate";

/** The shortest password a reset accepts; here, not with its validator, so the reset page's form can name it without zod. */
export const MIN_RESET_PASSWORD_LENGTH = 12;

/** Messages that ignore preferences (and carry no unsubscribe link). */
export const SECURITY_CATEGORY = "security";

/** Every kind of notification, with the category whose preference governs it. */
export const NOTIFICATION_KINDS = {
  reportDue: "reports",
  reportOverdue: "reports",
  reportAccepted: "reports",
  reportChangesRequested: "reports",
  reportSubmitted: "reports",
  paymentApproved: "payments",
  paymentPaid: "payments",
  paymentOnHold: "payments",
  grantAwaitingApproval: "approvals",
  paymentAwaitingApproval: "approvals",
  amendmentApproved: "grants",
  amendmentAwaitingApproval: "approvals",
  allocationNearlyExhausted: "budget",
  jobFailed: "operations",
} as const satisfies Record<string, NotificationCategory>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/**
 * What each role may receive. Partners: what concerns their own organisation's reports and money, never internal
 * steps. Officers: what waits for them on the grants they manage. Admins: the budget and the system's health.
 */
export const ROLE_NOTIFICATION_KINDS = {
  partner: [
    "reportDue",
    "reportOverdue",
    "reportAccepted",
    "reportChangesRequested",
    "paymentApproved",
    "paymentPaid",
    "amendmentApproved",
  ],
  officer: [
    "reportSubmitted",
    "paymentOnHold",
    "grantAwaitingApproval",
    "paymentAwaitingApproval",
    "amendmentAwaitingApproval",
  ],
  admin: ["allocationNearlyExhausted", "jobFailed"],
} as const satisfies Record<Role, readonly NotificationKind[]>;

export const PARTNER_NOTIFICATION_KINDS: readonly NotificationKind[] = ROLE_NOTIFICATION_KINDS.partner;

/**
 * The categories a role's preferences page offers, in the catalogue's order: those of the kinds it may receive, and
 * for officers their morning list of actions. A category nobody of the role ever receives is not a choice to offer.
 */
export function notificationCategoriesFor(role: Role): NotificationCategory[] {
  const kinds: readonly NotificationKind[] = ROLE_NOTIFICATION_KINDS[role];
  const received = new Set<NotificationCategory>(kinds.map((kind) => NOTIFICATION_KINDS[kind]));
  if (role === "officer") received.add("actions");
  return NOTIFICATION_CATEGORIES.filter((category) => received.has(category));
}

/** Background jobs that run on a schedule (cron in Ottawa time, where the fiscal calendar lives). */
export const JOB_SCHEDULES = {
  "refresh-payment-holds": "15 1 * * *",
  "report-reminders": "0 7 * * *",
  "daily-digest": "0 8 * * *",
  "dispatch-audit-events": "* * * * *",
  "deliver-emails": "* * * * *",
  "watch-job-failures": "*/5 * * * *",
} as const;
export type ScheduledJobName = keyof typeof JOB_SCHEDULES;
export const JOB_TIME_ZONE = "America/Toronto";
