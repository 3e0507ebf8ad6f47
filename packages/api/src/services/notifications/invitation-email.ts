import { type DbOrTx, users } from "@portal/db";
import { SECURITY_CATEGORY } from "@portal/domain";
import { eq } from "drizzle-orm";
import { queueEmail } from "./queue-email";
import { formatIsoDate, layoutEmail, portalNameIn, translatorFor } from "./render";
import { notificationSettings } from "./settings";

/**
 * The invitation's link goes by e-mail, written in the invitation's own transaction (only then is the token known;
 * the database keeps just its hash). Written in the inviter's language: the invitee has no preference yet.
 */
export async function queueInvitationEmail(
  tx: DbOrTx,
  invitation: { id: string; email: string; name: string; expiresAt: Date; invitedById: string | null },
  acceptUrl: string,
): Promise<void> {
  const [inviter] = invitation.invitedById
    ? await tx
        .select({ name: users.name, locale: users.locale })
        .from(users)
        .where(eq(users.id, invitation.invitedById))
    : [];
  const locale = inviter?.locale ?? "en";
  const settings = notificationSettings();
  const t = translatorFor(locale);
  const portal = portalNameIn(locale, settings);
  const url = /^https?:\/\//.test(acceptUrl) ? acceptUrl : `${settings.portalUrl}${acceptUrl}`;
  await queueEmail(tx, {
    ...layoutEmail({
      portal,
      greeting: t("notifications.email.greeting", { name: invitation.name || invitation.email }),
      paragraphs: [
        t("notifications.email.invitationBody", {
          inviter: inviter?.name ?? portal,
          portal,
          expiresOn: formatIsoDate(invitation.expiresAt.toISOString(), locale),
        }),
      ],
      action: { label: t("notifications.email.invitationLink"), url },
      footer: [t("notifications.email.footer", { portal })],
    }),
    dedupKey: `invitation:${invitation.id}`,
    userId: null,
    to: invitation.email,
    locale,
    category: SECURITY_CATEGORY,
    subject: t("notifications.email.invitationSubject", { portal }),
  });
}
