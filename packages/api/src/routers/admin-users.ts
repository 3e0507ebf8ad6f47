import {
  byIdInput,
  changeRoleInput,
  changeUserRole,
  getUserForAdmin,
  inviteUser,
  inviteUserInput,
  listPendingInvitations,
  listUsers,
  listUsersInput,
  officerScopeForAdmin,
  removeMembership,
  removeMembershipInput,
  saveMembership,
  saveMembershipInput,
  setActiveInput,
  setOfficerScope,
  setUserActive,
} from "../services/admin";
import { countUserSessions, endUserSessions } from "../services/security/end-user-sessions";
import { officerScopeByUserInput, setOfficerScopeInput, userSessionsInput } from "@portal/domain";
import { adminProcedure, router } from "../trpc";

export const adminUsersRouter = router({
  list: adminProcedure.input(listUsersInput).query(({ ctx, input }) => listUsers(ctx.db, ctx.actor, input)),
  byId: adminProcedure.input(byIdInput).query(({ ctx, input }) => getUserForAdmin(ctx.db, ctx.actor, input.id)),
  pendingInvitations: adminProcedure.query(({ ctx }) => listPendingInvitations(ctx.db, ctx.actor)),
  invite: adminProcedure.input(inviteUserInput).mutation(({ ctx, input }) => inviteUser(ctx.db, ctx.actor, input)),
  changeRole: adminProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeUserRole(ctx.db, ctx.actor, input)),
  setActive: adminProcedure.input(setActiveInput).mutation(({ ctx, input }) => setUserActive(ctx.db, ctx.actor, input)),
  sessions: adminProcedure
    .input(userSessionsInput)
    .query(({ ctx, input }) => countUserSessions(ctx.db, ctx.actor, input)),
  endSessions: adminProcedure
    .input(userSessionsInput)
    .mutation(({ ctx, input }) => endUserSessions(ctx.db, ctx.actor, input)),
  saveMembership: adminProcedure
    .input(saveMembershipInput)
    .mutation(({ ctx, input }) => saveMembership(ctx.db, ctx.actor, input)),
  removeMembership: adminProcedure
    .input(removeMembershipInput)
    .mutation(({ ctx, input }) => removeMembership(ctx.db, ctx.actor, input)),
  officerScope: adminProcedure
    .input(officerScopeByUserInput)
    .query(({ ctx, input }) => officerScopeForAdmin(ctx.db, ctx.actor, input.userId)),
  setOfficerScope: adminProcedure
    .input(setOfficerScopeInput)
    .mutation(({ ctx, input }) => setOfficerScope(ctx.db, ctx.actor, input)),
});
