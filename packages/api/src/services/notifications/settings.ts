import { z } from "zod";

const settingsSchema = z.object({
  PORTAL_URL: z
    .url({ error: "PORTAL_URL must be the portal's address, such as https://grants.example.org" })
    .optional(),
  ADMIN_URL: z.url({ error: "ADMIN_URL must be the admin console's address" }).optional(),
  PORTAL_NAME: z.string().trim().min(1).max(100).optional(),
  REPORT_REMINDER_DAYS: z.coerce
    .number({ error: "REPORT_REMINDER_DAYS must be a whole number of days" })
    .int()
    .min(1)
    .max(90)
    .default(14),
  ALLOCATION_ALERT_PERCENT: z.coerce
    .number({ error: "ALLOCATION_ALERT_PERCENT must be a percentage between 1 and 100" })
    .int()
    .min(1)
    .max(100)
    .default(90),
});

export interface NotificationSettings {
  portalUrl: string;
  /** Admins' messages link to the admin console, where their pages are. */
  adminUrl: string;
  /** Overrides the catalogue's product name in e-mails when set. */
  portalName: string | null;
  reminderDays: number;
  allocationAlertPercent: number;
}

/** Read on every use (cheap), so tests and a restarted worker see the environment as it is now. */
export function notificationSettings(env: NodeJS.ProcessEnv = process.env): NotificationSettings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${issue.path.join(".")}: ${issue.message}`);
  }
  const { PORTAL_URL, ADMIN_URL, PORTAL_NAME, REPORT_REMINDER_DAYS, ALLOCATION_ALERT_PERCENT } = parsed.data;
  return {
    portalUrl: (PORTAL_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, ""),
    adminUrl: (ADMIN_URL ?? `http://localhost:${env.ADMIN_PORT ?? 3001}`).replace(/\/+$/, ""),
    portalName: PORTAL_NAME ?? null,
    reminderDays: REPORT_REMINDER_DAYS,
    allocationAlertPercent: ALLOCATION_ALERT_PERCENT,
  };
}

/** An absolute link to a page of the portal. */
export function portalLink(path: string, settings = notificationSettings()): string {
  return `${settings.portalUrl}${path.startsWith("/") ? path : `/${path}`}`;
}

/** An absolute link to a page of the admin console. */
export function adminLink(path: string, settings = notificationSettings()): string {
  return `${settings.adminUrl}${path.startsWith("/") ? path : `/${path}`}`;
}
