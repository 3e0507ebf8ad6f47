import { type DbOrTx, officerProgrammes, programmes, users } from "@portal/db";
import { asc, eq } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";

/** What the audit log records of an officer's scope: their programmes (by id and code) and the outside setting. */
export async function officerScopeSnapshot(db: DbOrTx, userId: string) {
  const [user] = await db
    .select({ outsideProgrammes: users.outsideProgrammeAccess })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const rows = await db
    .select({ id: programmes.id, code: programmes.code })
    .from(officerProgrammes)
    .innerJoin(programmes, eq(programmes.id, officerProgrammes.programmeId))
    .where(eq(officerProgrammes.userId, userId))
    .orderBy(asc(programmes.code));
  return { programmes: rows, outsideProgrammes: user.outsideProgrammes };
}

/**
 * The officer-scope card of the admin's user page: every programme as a tree (funds first, each followed by its
 * programmes; choosing a fund covers its programmes), which ones the officer has, and what they see outside them.
 */
export async function officerScopeForAdmin(db: DbOrTx, actor: Actor, userId: string) {
  requireCapability(actor, "users.manage");
  const [user] = await db
    .select({ role: users.role, outsideProgrammes: users.outsideProgrammeAccess })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) throw refusal("NOT_FOUND", "noSuchUser");
  const [all, assigned] = await Promise.all([
    db
      .select({
        id: programmes.id,
        code: programmes.code,
        nameEn: programmes.nameEn,
        nameFr: programmes.nameFr,
        parentId: programmes.parentId,
      })
      .from(programmes)
      .orderBy(asc(programmes.code)),
    db
      .select({ programmeId: officerProgrammes.programmeId })
      .from(officerProgrammes)
      .where(eq(officerProgrammes.userId, userId)),
  ]);
  const mine = new Set(assigned.map((row) => row.programmeId));
  const roots = all.filter((p) => p.parentId === null || !all.some((q) => q.id === p.parentId));
  const viaFund = (p: (typeof all)[number]) => p.parentId !== null && mine.has(p.parentId);
  return {
    applies: user.role === "officer",
    outsideProgrammes: user.outsideProgrammes,
    programmeIds: [...mine],
    programmes: roots.flatMap((root) => [
      { ...root, depth: 0, assigned: mine.has(root.id), coveredByFund: false },
      ...all
        .filter((p) => p.parentId === root.id)
        .map((p) => ({ ...p, depth: 1, assigned: mine.has(p.id), coveredByFund: viaFund(p) })),
    ]),
  };
}
