import { describeInvitationInput } from "@portal/domain";
import { acceptInvitation, acceptInvitationInput, describeInvitation } from "../services/invitations/accept-invitation";
import { createInvitation, createInvitationInput } from "../services/invitations/create-invitation";
import { revokeInvitation, revokeInvitationInput } from "../services/invitations/revoke-invitation";
import { authedProcedure, publicProcedure, router } from "../trpc";

export const invitationsRouter = router({
  // Partner managers invite colleagues (the service checks manage_members, the organisation and the capabilities).
  create: authedProcedure.input(createInvitationInput).mutation(async ({ ctx, input }) => {
    const { invitation, acceptUrl } = await createInvitation(ctx.db, ctx.actor, input);
    return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt, acceptUrl };
  }),
  revoke: authedProcedure
    .input(revokeInvitationInput)
    .mutation(({ ctx, input }) => revokeInvitation(ctx.db, ctx.actor, input.invitationId)),
  // The invitation page, before anyone has an account: the token is the only credential.
  describe: publicProcedure
    .input(describeInvitationInput)
    .query(({ ctx, input }) => describeInvitation(ctx.db, input.token)),
  accept: publicProcedure.input(acceptInvitationInput).mutation(async ({ ctx, input }) => {
    const { user } = await acceptInvitation(ctx.db, input);
    return { email: user.email, role: user.role };
  }),
});
