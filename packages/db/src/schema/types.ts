import type {
  fundingLines,
  grantComponents,
  grants,
  disbursements,
  scheduledPayments,
  reportingRequirements,
} from "./grants";
import type { allocations, programmes } from "./programmes";
import type { organisations, partnerships } from "./organisations";
import type { memberships, users } from "./users";
import type { conferences } from "./conferences";
import type { auditEvents } from "./audit";

export type Organisation = typeof organisations.$inferSelect;
export type Partnership = typeof partnerships.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type Programme = typeof programmes.$inferSelect;
export type Allocation = typeof allocations.$inferSelect;
export type Grant = typeof grants.$inferSelect;
export type GrantComponent = typeof grantComponents.$inferSelect;
export type FundingLine = typeof fundingLines.$inferSelect;
export type ScheduledPayment = typeof scheduledPayments.$inferSelect;
export type Disbursement = typeof disbursements.$inferSelect;
export type ReportingRequirement = typeof reportingRequirements.$inferSelect;
export type Conference = typeof conferences.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
