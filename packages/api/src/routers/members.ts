import { listMembers, listMembersInput } from "../services/members/list-members";
import {
  updateMemberCapabilities,
  updateMemberCapabilitiesInput,
} from "../services/members/update-member-capabilities";
import { authedProcedure, router } from "../trpc";

// Partners only; the services check the membership and its manage_members capability.
export const membersRouter = router({
  list: authedProcedure.input(listMembersInput).query(({ ctx, input }) => listMembers(ctx.db, ctx.actor, input)),
  updateCapabilities: authedProcedure
    .input(updateMemberCapabilitiesInput)
    .mutation(({ ctx, input }) => updateMemberCapabilities(ctx.db, ctx.actor, input)),
});
