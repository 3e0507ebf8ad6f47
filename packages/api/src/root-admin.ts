import { accountRouter } from "./routers/account";
import { adminAuditRouter } from "./routers/admin-audit";
import { adminBudgetAdministrationRouter } from "./routers/admin-budget-administration";
import { adminJobsRouter } from "./routers/admin-jobs";
import { adminBudgetsRouter } from "./routers/admin-budgets";
import { adminIatiRouter } from "./routers/admin-iati";
import { adminOrganisationsRouter } from "./routers/admin-organisations";
import { adminSecurityRouter } from "./routers/admin-security";
import { adminUsersRouter } from "./routers/admin-users";
import { budgetsRouter } from "./routers/budgets";
import { notificationsRouterFor } from "./routers/notifications";
import { adminProcedure, createCallerFactory, router } from "./trpc";

/** The admin console's API; every procedure in it requires an admin. */
export const adminRouter = router({
  budgets: budgetsRouter,
  budgetReview: adminBudgetsRouter,
  budgetAdministration: adminBudgetAdministrationRouter,
  organisations: adminOrganisationsRouter,
  users: adminUsersRouter,
  audit: adminAuditRouter,
  jobs: adminJobsRouter,
  notifications: notificationsRouterFor(adminProcedure),
  security: adminSecurityRouter,
  account: accountRouter(adminProcedure),
  iati: adminIatiRouter,
});
export type AdminRouter = typeof adminRouter;
export const createAdminCaller = createCallerFactory(adminRouter);

// What the admin console's pages and route handlers use besides the router: the audit diff and its exports.
export {
  AUDIT_EXPORT_COLUMNS,
  type AuditExportColumn,
  auditChanges,
  type AuditChange,
  auditExport,
  BUDGET_DISBURSEMENT_EXPORT_COLUMNS,
  BUDGET_GRANT_EXPORT_COLUMNS,
  type BudgetDisbursementExportColumn,
  type BudgetGrantExportColumn,
  budgetDisbursementsExport,
  budgetGrantsExport,
} from "./services/admin";
