import { type Database, emailMessages } from "@portal/db";
import { and, asc, eq, lt } from "drizzle-orm";
import type { Mailer } from "./mailer";

/** After this many failed attempts a message is marked failed and left for an admin to read in the outbox. */
export const MAX_SEND_ATTEMPTS = 5;

/**
 * Sends pending e-mails one at a time. Each is locked (SKIP LOCKED: two workers never take the same one), sent, and
 * marked sent in the same transaction, so a retried delivery job skips what was already sent. Without a mailer
 * messages are marked `outbox`: kept, rendered, for the admin console. Failures are counted on the message; if any
 * occurred the job throws afterwards, so pg-boss retries it with back-off.
 */
export async function deliverPendingEmails(db: Database, mailer: Mailer | null, { limit = 100 } = {}) {
  let sent = 0;
  let kept = 0;
  const failures: string[] = [];
  for (let i = 0; i < limit; i++) {
    const outcome = await db.transaction(async (tx) => {
      const [message] = await tx
        .select()
        .from(emailMessages)
        .where(and(eq(emailMessages.status, "pending"), lt(emailMessages.attempts, MAX_SEND_ATTEMPTS)))
        .orderBy(asc(emailMessages.createdAt))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!message) return "none" as const;
      if (!mailer) {
        await tx.update(emailMessages).set({ status: "outbox" }).where(eq(emailMessages.id, message.id));
        return "kept" as const;
      }
      try {
        await mailer.send({
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          messageId: `<${message.id}@portal.invalid>`,
          locale: message.locale,
          unsubscribeUrl: message.unsubscribeUrl,
        });
      } catch (error) {
        const attempts = message.attempts + 1;
        await tx
          .update(emailMessages)
          .set({
            attempts,
            lastError: error instanceof Error ? error.message : String(error),
            status: attempts >= MAX_SEND_ATTEMPTS ? "failed" : "pending",
          })
          .where(eq(emailMessages.id, message.id));
        return { failed: message.id, error: error instanceof Error ? error.message : String(error) };
      }
      await tx
        .update(emailMessages)
        .set({ status: "sent", sentAt: new Date(), attempts: message.attempts + 1, lastError: null })
        .where(eq(emailMessages.id, message.id));
      return "sent" as const;
    });
    if (outcome === "none") break;
    if (outcome === "sent") sent += 1;
    else if (outcome === "kept") kept += 1;
    else failures.push(outcome.error);
    // A message that failed is not retried within this run (the loop would spin on it): the job's retry does.
    if (typeof outcome === "object") break;
  }
  if (failures.length > 0) {
    throw new Error(`could not send ${failures.length} e-mail(s): ${failures[0]}`);
  }
  return { sent, kept };
}
