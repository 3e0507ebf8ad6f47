export { dispatchAuditEvents } from "./dispatch-audit-events";
export { sendReportReminders } from "./report-reminders";
export { sendDailyDigests } from "./daily-digest";
export { officerActionItems, sendOfficerActionDigests } from "./officer-action-digest";
export { refreshAllPaymentHolds } from "./refresh-all-payment-holds";
export { notifyFailedJobs, notifyJobFailure } from "./job-failure";
export { requestPasswordReset, resetPassword, RESET_LIFETIME_MINUTES } from "./password-reset";
export { queueInvitationEmail } from "./invitation-email";
export { listNotifications, markNotificationsRead, unreadNotificationCount } from "./user-notifications";
export {
  describeUnsubscribe,
  notificationSettingsOf,
  saveNotificationPreferences,
  setProfileLocale,
  unsubscribe,
} from "./user-settings";
export { getOutboxMessage, listOutbox } from "./outbox";
export { jobsOverview } from "./jobs-overview";
export { nextRun, previousRun } from "./schedule-times";
export { notificationSettings, portalLink } from "./settings";
export { ONE_CLICK_UNSUBSCRIBE_PATH, oneClickUnsubscribeLink, unsubscribeLink } from "./unsubscribe-link";
export { oneClickUnsubscribe, oneClickUnsubscribeResponse } from "./one-click-unsubscribe";
export { SYSTEM_USER_ID, systemActor } from "./system-actor";
export { todayInOttawa } from "../today";
