import { auditFilterOptions, listAuditEvents, listAuditInput } from "../services/admin";
import { adminProcedure, router } from "../trpc";

export const adminAuditRouter = router({
  list: adminProcedure.input(listAuditInput).query(({ ctx, input }) => listAuditEvents(ctx.db, ctx.actor, input)),
  filterOptions: adminProcedure.query(({ ctx }) => auditFilterOptions(ctx.db, ctx.actor)),
});
