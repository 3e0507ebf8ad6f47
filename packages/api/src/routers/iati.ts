import { iatiGrantInput } from "@portal/domain";
import { grantIatiStatus } from "../services/iati/grant-iati-status";
import { publishGrant } from "../services/iati/publish-grant";
import { procedureWith, router } from "../trpc";

export const iatiRouter = router({
  grantStatus: procedureWith("grants.view.all")
    .input(iatiGrantInput)
    .query(({ ctx, input }) => grantIatiStatus(ctx.db, ctx.actor, input)),
  publish: procedureWith("iati.publish")
    .input(iatiGrantInput)
    .mutation(({ ctx, input }) => publishGrant(ctx.db, ctx.actor, input)),
});
