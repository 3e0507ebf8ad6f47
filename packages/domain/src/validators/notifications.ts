import { z } from "zod";
import { msg } from "./messages";
import { MIN_RESET_PASSWORD_LENGTH, NOTIFICATION_CATEGORIES, NOTIFICATION_DELIVERIES } from "../notifications";

export const notificationListInput = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});

export const markNotificationsReadInput = z.object({
  ids: z
    .array(z.uuid({ ...msg("notANotification") }))
    .max(200)
    .optional(),
  all: z.boolean().optional(),
});

export const notificationPreferencesInput = z.object({
  preferences: z
    .array(
      z.object({
        category: z.enum(NOTIFICATION_CATEGORIES, { ...msg("chooseACategory") }),
        delivery: z.enum(NOTIFICATION_DELIVERIES, { ...msg("chooseImmediatelyDailyDigestOrOff") }),
      }),
    )
    .max(NOTIFICATION_CATEGORIES.length),
});
export type NotificationPreferencesData = z.infer<typeof notificationPreferencesInput>;

export const profileLocaleInput = z.object({ locale: z.enum(["en", "fr"], { ...msg("chooseEnglishOrFrench") }) });

export const requestPasswordResetInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, { ...msg("theEMailAddressIsTooLong") })
    .pipe(z.email({ ...msg("enterAnEmailAddressSuchAsName") })),
});

export const resetPasswordInput = z.object({
  token: z
    .string()
    .min(1, { ...msg("thisLinkIsIncomplete") })
    .max(200, { ...msg("thisLinkIsNotValid") }),
  password: z
    .string()
    .min(MIN_RESET_PASSWORD_LENGTH, {
      ...msg("passwordAtLeast", { min: MIN_RESET_PASSWORD_LENGTH }),
    })
    .max(1024, { ...msg("thePasswordIsTooLong") }),
});

export const unsubscribeInput = z.object({
  token: z
    .string()
    .min(1, { ...msg("thisLinkIsIncomplete") })
    .max(500, { ...msg("thisLinkIsNotValid") }),
});

export const outboxListInput = z.object({ limit: z.number().int().min(1).max(200).default(100) });
export const outboxMessageInput = z.object({ id: z.uuid({ ...msg("notAMessage") }) });
