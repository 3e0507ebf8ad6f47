import { z } from "zod";
import { NOTIFICATION_CATEGORIES, NOTIFICATION_DELIVERIES } from "../notifications";

export const notificationListInput = z.object({
  unreadOnly: z.boolean().default(false),
  limit: z.number().int().min(1).max(200).default(50),
});

export const markNotificationsReadInput = z.object({
  ids: z
    .array(z.uuid({ error: "Not a notification." }))
    .max(200)
    .optional(),
  all: z.boolean().optional(),
});

export const notificationPreferencesInput = z.object({
  preferences: z
    .array(
      z.object({
        category: z.enum(NOTIFICATION_CATEGORIES, { error: "Choose a category." }),
        delivery: z.enum(NOTIFICATION_DELIVERIES, { error: "Choose immediately, daily digest or off." }),
      }),
    )
    .max(NOTIFICATION_CATEGORIES.length),
});
export type NotificationPreferencesData = z.infer<typeof notificationPreferencesInput>;

export const profileLocaleInput = z.object({ locale: z.enum(["en", "fr"], { error: "Choose English or French." }) });

export const requestPasswordResetInput = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(320, { error: "The e-mail address is too long." })
    .pipe(z.email({ error: "Enter an email address such as name@example.org." })),
});

export const MIN_RESET_PASSWORD_LENGTH = 12;
export const resetPasswordInput = z.object({
  token: z.string().min(1, { error: "This link is incomplete." }).max(200, { error: "This link is not valid." }),
  password: z
    .string()
    .min(MIN_RESET_PASSWORD_LENGTH, {
      error: `Choose a password of at least ${MIN_RESET_PASSWORD_LENGTH} characters.`,
    })
    .max(1024, { error: "The password is too long." }),
});

export const unsubscribeInput = z.object({
  token: z.string().min(1, { error: "This link is incomplete." }).max(500, { error: "This link is not valid." }),
});

export const outboxListInput = z.object({ limit: z.number().int().min(1).max(200).default(100) });
export const outboxMessageInput = z.object({ id: z.uuid({ error: "Not a message." }) });
