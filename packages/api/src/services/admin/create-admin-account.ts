import { auditEvents, type DbOrTx, users } from "@portal/db";
import { createAdminAccountInput, type CreateAdminAccountInput } from "@portal/domain";
import { hashPassword } from "@portal/domain/password";
import { eq } from "drizzle-orm";
import { refusal } from "../../errors";
import { parseInput } from "../../parse-input";
import { AUDIT_ENTITY } from "../audit/write-audit";

/**
 * The first admin of a deployment (later ones are invited from the console). Run by an operator from the command
 * line, so the audit event has no actor: `via: "admin:create"` says where it came from.
 */
export async function createAdminAccount(db: DbOrTx, raw: CreateAdminAccountInput) {
  const input = parseInput(createAdminAccountInput, raw);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.email, input.email));
    if (existing) throw refusal("CONFLICT", "accountExists", { email: input.email }, "email");
    const [created] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: "admin", passwordHash })
      .returning({ id: users.id, email: users.email, name: users.name, role: users.role });
    if (!created) throw new Error("insert returned no row");
    await tx.insert(auditEvents).values({
      actorId: null,
      actorRole: null,
      action: "user.create_admin",
      entityType: AUDIT_ENTITY.user,
      entityId: created.id,
      before: null,
      after: { ...created, via: "admin:create" },
    });
    return created;
  });
}
