import { changePasswordInput, disableTotpInput, totpCodeInput } from "@portal/domain";
import {
  accountSecurity,
  changePassword,
  confirmTotpEnrolment,
  removeTotp,
  startTotpEnrolment,
} from "../services/security/account-security";
import { type authedProcedure, router } from "../trpc";

/**
 * The signed-in person's own security: password and authenticator. Mounted in both apps, each with its own base
 * procedure (any signed-in user in the portal, admins in the console).
 */
export function accountRouter(procedure: typeof authedProcedure) {
  return router({
    security: procedure.query(({ ctx }) => accountSecurity(ctx.db, ctx.actor)),
    changePassword: procedure
      .input(changePasswordInput)
      .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.actor, input)),
    startTotp: procedure.mutation(({ ctx }) => startTotpEnrolment(ctx.db, ctx.actor)),
    confirmTotp: procedure
      .input(totpCodeInput)
      .mutation(({ ctx, input }) => confirmTotpEnrolment(ctx.db, ctx.actor, input)),
    removeTotp: procedure.input(disableTotpInput).mutation(({ ctx, input }) => removeTotp(ctx.db, ctx.actor, input)),
  });
}
