import { grantAttachmentsInput } from "@portal/domain";
import { getReport, grantAttachments, reportByIdInput } from "../services/attachments/get-report";
import { authedProcedure, router } from "../trpc";

// Uploads and downloads go through the app's route handlers (multipart in, bytes out); these are the metadata.
export const attachmentsRouter = router({
  report: authedProcedure
    .input(reportByIdInput)
    .query(({ ctx, input }) => getReport(ctx.db, ctx.actor, input.requirementId)),
  forGrant: authedProcedure
    .input(grantAttachmentsInput)
    .query(({ ctx, input }) => grantAttachments(ctx.db, ctx.actor, input.grantId)),
});
