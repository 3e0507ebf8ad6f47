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
  allocationNearlyExhausted: "budget",
  jobFailed: "operations",
} as const satisfies Record<string, NotificationCategory>;
export type NotificationKind = keyof typeof NOTIFICATION_KINDS;

/** Kinds a partner may receive: what concerns their own organisation's reports and money, never internal steps. */
export const PARTNER_NOTIFICATION_KINDS: readonly NotificationKind[] = [
  "reportDue",
  "reportOverdue",
  "reportAccepted",
  "reportChangesRequested",
  "paymentApproved",
  "paymentPaid",
  "amendmentApproved",
];

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
