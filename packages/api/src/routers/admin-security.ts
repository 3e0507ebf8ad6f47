import { securitySettingsInput } from "@portal/domain";
import { getSecuritySettings, updateSecuritySettings } from "../services/security/settings";
import { adminProcedure, router } from "../trpc";

export const adminSecurityRouter = router({
  settings: adminProcedure.query(({ ctx }) => getSecuritySettings(ctx.db, ctx.actor)),
  updateSettings: adminProcedure
    .input(securitySettingsInput)
    .mutation(({ ctx, input }) => updateSecuritySettings(ctx.db, ctx.actor, input)),
});
