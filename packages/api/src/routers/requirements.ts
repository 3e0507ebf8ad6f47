import { addRequirementInput, reviewReportInput, submitReportInput, waiveRequirementInput } from "@portal/domain";
import { addRequirement, reviewReport, submitReport, waiveRequirement } from "../services";
import { authedProcedure, procedureWith, router } from "../trpc";

export const requirementsRouter = router({
  add: procedureWith("grants.manage")
    .input(addRequirementInput)
    .mutation(({ ctx, input }) => addRequirement(ctx.db, ctx.actor, input)),
  // Partners with the submit_reports membership capability, or officers on their behalf: decided by the service.
  submit: authedProcedure.input(submitReportInput).mutation(({ ctx, input }) => submitReport(ctx.db, ctx.actor, input)),
  review: procedureWith("reports.review")
    .input(reviewReportInput)
    .mutation(({ ctx, input }) => reviewReport(ctx.db, ctx.actor, input)),
  waive: procedureWith("reports.review")
    .input(waiveRequirementInput)
    .mutation(({ ctx, input }) => waiveRequirement(ctx.db, ctx.actor, input)),
});
