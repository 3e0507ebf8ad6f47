import {
  paymentActionInput,
  refreshPaymentHoldsInput,
  requestUnscheduledPaymentInput,
  schedulePaymentInput,
} from "@portal/domain";
import { actOnPayment, refreshPaymentHolds, requestUnscheduledPayment, schedulePayment } from "../services";
import { requireSecondFactorForApproval } from "../services/security/settings";
import { authedProcedure, procedureWith, router } from "../trpc";

export const paymentsRouter = router({
  schedule: procedureWith("grants.manage")
    .input(schedulePaymentInput)
    .mutation(({ ctx, input }) => schedulePayment(ctx.db, ctx.actor, input)),
  requestUnscheduled: procedureWith("disbursements.record")
    .input(requestUnscheduledPaymentInput)
    .mutation(({ ctx, input }) => requestUnscheduledPayment(ctx.db, ctx.actor, input)),
  // approve needs payments.approve, the other actions grants.manage (PAYMENT_TRANSITIONS), checked by the service.
  act: authedProcedure
    .input(paymentActionInput)
    // The admin's "second factor for approvals" setting is a policy of the API, checked before the service runs.
    .use(async ({ ctx, input, next }) => {
      if (input.action === "approve") await requireSecondFactorForApproval(ctx.db, ctx.actor);
      return next();
    })
    .mutation(({ ctx, input }) => actOnPayment(ctx.db, ctx.actor, input)),
  refreshHolds: procedureWith("grants.manage")
    .input(refreshPaymentHoldsInput)
    .mutation(({ ctx, input }) => refreshPaymentHolds(ctx.db, ctx.actor, input)),
});
