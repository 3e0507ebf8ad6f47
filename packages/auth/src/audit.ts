import { auditEvents, type DbOrTx } from "@portal/db";
import type { Role } from "@portal/domain";

/** Sign-in events: the same append-only log as every mutation, with the session as the entity. */
export async function auditSignIn(
  db: DbOrTx,
  event: {
    action:
      | "session.sign_in"
      | "session.sign_in_failed"
      | "session.sign_in_throttled"
      | "session.sign_out"
      | "session.password_upgraded";
    /** The account when known; null for an unknown email. */
    user: { id: string; role: Role } | null;
    /** The email as typed (lowercased) when the account is unknown, else the user id. */
    entityId: string;
    detail: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({
    actorId: event.user?.id ?? null,
    actorRole: event.user?.role ?? null,
    action: event.action,
    entityType: "session",
    entityId: event.entityId.slice(0, 320),
    before: null,
    after: event.detail,
  });
}
