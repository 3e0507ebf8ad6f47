import { recordDisbursementInput, reverseDisbursementInput } from "@portal/domain";
import { recordDisbursement, reverseDisbursement } from "../services";
import { procedureWith, router } from "../trpc";

export const disbursementsRouter = router({
  record: procedureWith("disbursements.record")
    .input(recordDisbursementInput)
    .mutation(({ ctx, input }) => recordDisbursement(ctx.db, ctx.actor, input)),
  reverse: procedureWith("disbursements.record")
    .input(reverseDisbursementInput)
    .mutation(({ ctx, input }) => reverseDisbursement(ctx.db, ctx.actor, input)),
});
