import { type DbOrTx, emailMessages } from "@portal/db";
import type { Locale } from "@portal/ui/i18n";
import type { RenderedEmail } from "./render";

export interface EmailToQueue extends RenderedEmail {
  dedupKey: string;
  userId: string | null;
  to: string;
  locale: Locale;
  category: string;
  subject: string;
  /** Category mail only: the one-click address sent as List-Unsubscribe (security mail never has one). */
  unsubscribeUrl?: string | null;
}

/**
 * Writes an e-mail for the worker to send, in the caller's transaction (so it exists exactly when the change that
 * caused it does). A second write with the same dedup key is ignored: true when this call wrote it.
 */
export async function queueEmail(tx: DbOrTx, email: EmailToQueue): Promise<boolean> {
  const rows = await tx
    .insert(emailMessages)
    .values({
      dedupKey: email.dedupKey,
      userId: email.userId,
      toAddress: email.to,
      locale: email.locale,
      category: email.category,
      subject: email.subject,
      textBody: email.text,
      htmlBody: email.html,
      unsubscribeUrl: email.unsubscribeUrl ?? null,
    })
    .onConflictDoNothing({ target: emailMessages.dedupKey })
    .returning({ id: emailMessages.id });
  return rows.length > 0;
}
