import {
  createGrantInput,
  grantAuditTrailInput,
  grantByIdInput,
  grantTransitionInput,
  listGrantsInput,
  updateGrantInput,
} from "@portal/domain";
import {
  createGrant,
  fiscalYearsWithBudgets,
  getGrantOrThrow,
  grantAuditTrail,
  grantFormOptions,
  listGrants,
  transitionGrant,
  updateGrant,
} from "../services";
import { requireSecondFactorForApproval } from "../services/security/settings";
import { authedProcedure, procedureWith, router } from "../trpc";

// Scoping happens in the services (visibleGrants), so one procedure serves officers and partners alike.
export const grantsRouter = router({
  list: authedProcedure.input(listGrantsInput).query(({ ctx, input }) => listGrants(ctx.db, ctx.actor, input)),
  fiscalYears: authedProcedure.query(({ ctx }) => fiscalYearsWithBudgets(ctx.db)),
  byId: authedProcedure.input(grantByIdInput).query(({ ctx, input }) => getGrantOrThrow(ctx.db, ctx.actor, input.id)),
  formOptions: procedureWith("grants.manage").query(({ ctx }) => grantFormOptions(ctx.db, ctx.actor)),
  create: procedureWith("grants.manage")
    .input(createGrantInput)
    .mutation(({ ctx, input }) => createGrant(ctx.db, ctx.actor, input)),
  update: procedureWith("grants.manage")
    .input(updateGrantInput)
    .mutation(({ ctx, input }) => updateGrant(ctx.db, ctx.actor, input)),
  // Each action needs its own capability (GRANT_TRANSITIONS), checked by the service.
  transition: authedProcedure
    .input(grantTransitionInput)
    .use(async ({ ctx, input, next }) => {
      if (input.action === "approve") await requireSecondFactorForApproval(ctx.db, ctx.actor);
      return next();
    })
    .mutation(({ ctx, input }) => transitionGrant(ctx.db, ctx.actor, input)),
  auditTrail: procedureWith("grants.view.all")
    .input(grantAuditTrailInput)
    .query(({ ctx, input }) => grantAuditTrail(ctx.db, ctx.actor, input.id)),
});
