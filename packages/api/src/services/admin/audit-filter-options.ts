import { auditEvents, type DbOrTx, users } from "@portal/db";
import { asc, eq, isNotNull } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";

/** The choices of the audit log's filters: who has acted, which actions and entity types occur. */
export async function auditFilterOptions(db: DbOrTx, actor: Actor) {
  requireCapability(actor, "audit.read");
  const [actors, actions, entityTypes] = await Promise.all([
    db
      .selectDistinct({ id: users.id, name: users.name, email: users.email })
      .from(auditEvents)
      .innerJoin(users, eq(users.id, auditEvents.actorId))
      .where(isNotNull(auditEvents.actorId))
      .orderBy(asc(users.name), asc(users.email), asc(users.id)),
    db.selectDistinct({ action: auditEvents.action }).from(auditEvents).orderBy(asc(auditEvents.action)),
    db.selectDistinct({ entityType: auditEvents.entityType }).from(auditEvents).orderBy(asc(auditEvents.entityType)),
  ]);
  return {
    actors,
    actions: actions.map((row) => row.action),
    entityTypes: entityTypes.map((row) => row.entityType),
  };
}
