import { amendmentDecisionInput, grantAmendmentsInput, proposeAmendmentInput } from "@portal/domain";
import {
  approveAmendment,
  grantAmendmentHistory,
  proposeAmendment,
  rejectAmendment,
  withdrawAmendment,
} from "../services";
import { requireSecondFactorForApproval } from "../services/security/settings";
import { authedProcedure, procedureWith, router } from "../trpc";

export const amendmentsRouter = router({
  // Partners read the approved ones of their own grants (scoped in the service).
  forGrant: authedProcedure
    .input(grantAmendmentsInput)
    .query(({ ctx, input }) => grantAmendmentHistory(ctx.db, ctx.actor, input.grantId)),
  propose: procedureWith("grants.manage")
    .input(proposeAmendmentInput)
    .mutation(({ ctx, input }) => proposeAmendment(ctx.db, ctx.actor, input)),
  // Approving changes money, so the admin's "second factor for approvals" applies, as to grants and payments.
  approve: procedureWith("grants.approve")
    .input(amendmentDecisionInput)
    .use(async ({ ctx, next }) => {
      await requireSecondFactorForApproval(ctx.db, ctx.actor);
      return next();
    })
    .mutation(({ ctx, input }) => approveAmendment(ctx.db, ctx.actor, input)),
  reject: procedureWith("grants.approve")
    .input(amendmentDecisionInput)
    .mutation(({ ctx, input }) => rejectAmendment(ctx.db, ctx.actor, input)),
  withdraw: procedureWith("grants.manage")
    .input(amendmentDecisionInput)
    .mutation(({ ctx, input }) => withdrawAmendment(ctx.db, ctx.actor, input)),
});
