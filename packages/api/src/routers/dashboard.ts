import { listReports, listReportsInput } from "../services/dashboard/list-reports";
import { grantListOptions } from "../services/dashboard/grant-list-options";
import { officerDashboard } from "../services/dashboard/officer-dashboard";
import { partnerWorkspace } from "../services/dashboard/partner-workspace";
import { authedProcedure, procedureWith, router } from "../trpc";

export const dashboardRouter = router({
  officer: procedureWith("grants.view.all").query(({ ctx }) => officerDashboard(ctx.db, ctx.actor)),
  // Partners only (the service refuses anyone else); everything scoped by visibleGrants.
  partner: authedProcedure.query(({ ctx }) => partnerWorkspace(ctx.db, ctx.actor)),
  grantListOptions: authedProcedure.query(({ ctx }) => grantListOptions(ctx.db, ctx.actor)),
  reports: authedProcedure.input(listReportsInput).query(({ ctx, input }) => listReports(ctx.db, ctx.actor, input)),
});
