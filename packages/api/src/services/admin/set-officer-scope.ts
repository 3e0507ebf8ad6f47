import { type DbOrTx, officerProgrammes, programmes, users } from "@portal/db";
import type { OutsideProgrammeAccess } from "@portal/domain";
import { eq, inArray } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";
import { officerScopeSnapshot } from "./officer-scope";
import { lockUserOrThrow } from "./user-snapshot";

/**
 * Sets which programmes an officer manages (replacing the list) and whether grants outside them are read-only or
 * hidden for them. It applies on the officer's next request: the grant conditions read it inside every query
 * (services/grants/grant-scope.ts). One audit event with the scope before and after; nothing when nothing changed.
 */
export async function setOfficerScope(
  db: DbOrTx,
  actor: Actor,
  input: { userId: string; programmeIds: string[]; outsideProgrammes: OutsideProgrammeAccess },
) {
  requireCapability(actor, "users.manage");
  return db.transaction(async (tx) => {
    // The user's row lock makes two admins' changes to one officer apply one after the other.
    const user = await lockUserOrThrow(tx, input.userId);
    if (user.role !== "officer") {
      throw refusal("VALIDATION", "onlyOfficersHaveProgrammes", {}, "userId");
    }
    const wanted = [...new Set(input.programmeIds)];
    if (wanted.length > 0) {
      const known = await tx.select({ id: programmes.id }).from(programmes).where(inArray(programmes.id, wanted));
      if (known.length !== wanted.length) {
        throw refusal("NOT_FOUND", "chooseProgrammes", {}, "programmeIds");
      }
    }
    const before = await officerScopeSnapshot(tx, user.id);
    const had = new Set(before!.programmes.map((p) => p.id));
    const unchanged =
      before!.outsideProgrammes === input.outsideProgrammes &&
      had.size === wanted.length &&
      wanted.every((id) => had.has(id));
    if (unchanged) return { userId: user.id, changed: false };

    await tx.delete(officerProgrammes).where(eq(officerProgrammes.userId, user.id));
    if (wanted.length > 0) {
      await tx.insert(officerProgrammes).values(wanted.map((programmeId) => ({ userId: user.id, programmeId })));
    }
    await tx.update(users).set({ outsideProgrammeAccess: input.outsideProgrammes }).where(eq(users.id, user.id));
    await writeAudit(tx, actor, {
      action: "user.setProgrammeScope",
      entityType: AUDIT_ENTITY.user,
      entityId: user.id,
      before,
      after: await officerScopeSnapshot(tx, user.id),
    });
    return { userId: user.id, changed: true };
  });
}
