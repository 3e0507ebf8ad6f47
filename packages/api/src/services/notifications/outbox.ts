import { type DbOrTx, emailMessages } from "@portal/db";
import { desc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";

/** Every e-mail the portal wrote, newest first (with no SMTP configured, this is where they are read). */
export async function listOutbox(db: DbOrTx, actor: Actor, { limit = 100 }: { limit?: number }) {
  requireCapability(actor, "audit.read");
  return db
    .select({
      id: emailMessages.id,
      to: emailMessages.toAddress,
      subject: emailMessages.subject,
      locale: emailMessages.locale,
      category: emailMessages.category,
      status: emailMessages.status,
      createdAt: emailMessages.createdAt,
      sentAt: emailMessages.sentAt,
    })
    .from(emailMessages)
    .orderBy(desc(emailMessages.createdAt), desc(emailMessages.id))
    .limit(limit);
}

export async function getOutboxMessage(db: DbOrTx, actor: Actor, { id }: { id: string }) {
  requireCapability(actor, "audit.read");
  const [message] = await db.select().from(emailMessages).where(eq(emailMessages.id, id));
  if (!message) throw refusal("NOT_FOUND", "noSuchMessage");
  return message;
}
