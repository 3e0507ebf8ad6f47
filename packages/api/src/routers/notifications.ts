import {
  markNotificationsReadInput,
  notificationListInput,
  notificationPreferencesInput,
  profileLocaleInput,
  requestPasswordResetInput,
  resetPasswordInput,
  unsubscribeInput,
} from "@portal/domain";
import {
  describeUnsubscribe,
  listNotifications,
  markNotificationsRead,
  notificationSettingsOf,
  requestPasswordReset,
  resetPassword,
  saveNotificationPreferences,
  setProfileLocale,
  unreadNotificationCount,
  unsubscribe,
} from "../services/notifications";
import { authedProcedure, publicProcedure, router } from "../trpc";

/**
 * One's own notifications and e-mail settings: every procedure acts on the signed-in person only. Mounted in both
 * apps, each with its own base procedure (any signed-in user in the portal, admins in the console: admins receive
 * notifications too).
 */
export function notificationsRouterFor(procedure: typeof authedProcedure) {
  return router({
    list: procedure
      .input(notificationListInput)
      .query(({ ctx, input }) => listNotifications(ctx.db, ctx.actor, input, ctx.locale)),
    unreadCount: procedure.query(({ ctx }) => unreadNotificationCount(ctx.db, ctx.actor)),
    markRead: procedure
      .input(markNotificationsReadInput)
      .mutation(({ ctx, input }) => markNotificationsRead(ctx.db, ctx.actor, input)),
    settings: procedure.query(({ ctx }) => notificationSettingsOf(ctx.db, ctx.actor)),
    savePreferences: procedure
      .input(notificationPreferencesInput)
      .mutation(({ ctx, input }) => saveNotificationPreferences(ctx.db, ctx.actor, input)),
    setLocale: procedure
      .input(profileLocaleInput)
      .mutation(({ ctx, input }) => setProfileLocale(ctx.db, ctx.actor, input)),
  });
}

export const notificationsRouter = notificationsRouterFor(authedProcedure);

/** What works without signing in: password reset and one-click unsubscribe (the token is the credential). */
export const publicAccountRouter = router({
  requestPasswordReset: publicProcedure
    .input(requestPasswordResetInput)
    .mutation(({ ctx, input }) => requestPasswordReset(ctx.db, input)),
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  describeUnsubscribe: publicProcedure.input(unsubscribeInput).query(({ input }) => describeUnsubscribe(input)),
  unsubscribe: publicProcedure.input(unsubscribeInput).mutation(({ ctx, input }) => unsubscribe(ctx.db, input)),
});
