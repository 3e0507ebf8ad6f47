import { createRelationInput, deleteRelationInput, savePartnershipInput, updateRelationInput } from "@portal/domain";
import { createRelation } from "../services/partnerships/create-relation";
import { deleteRelation } from "../services/partnerships/delete-relation";
import { savePartnership } from "../services/partnerships/save-partnership";
import { updateRelation } from "../services/partnerships/update-relation";
import { authedProcedure, router } from "../trpc";

// Officers and admins may manage partnerships and links; the services check (requirePartnershipManager).
export const partnershipsRouter = router({
  save: authedProcedure
    .input(savePartnershipInput)
    .mutation(({ ctx, input }) => savePartnership(ctx.db, ctx.actor, input)),
  createLink: authedProcedure
    .input(createRelationInput)
    .mutation(({ ctx, input }) => createRelation(ctx.db, ctx.actor, input)),
  updateLink: authedProcedure
    .input(updateRelationInput)
    .mutation(({ ctx, input }) => updateRelation(ctx.db, ctx.actor, input)),
  deleteLink: authedProcedure
    .input(deleteRelationInput)
    .mutation(({ ctx, input }) => deleteRelation(ctx.db, ctx.actor, input)),
});
