import { annualReportInput } from "@portal/domain";
import { annualReport } from "../services/annual-report/annual-report";
import { procedureWith, router } from "../trpc";

export const annualReportRouter = router({
  byFiscalYear: procedureWith("grants.view.all")
    .input(annualReportInput)
    .query(({ ctx, input }) => annualReport(ctx.db, ctx.actor, input)),
});
