import { type Actor, type Context, createAdminCaller, createWebCaller } from "@portal/api";
import { type Database, memberships, officerProgrammes, users } from "@portal/db";
import { eq } from "drizzle-orm";

export type Persona = "anonymous" | "admin" | "officer" | "officer2" | "officer3" | "partnerIcbl" | "partnerMac";

const EMAILS: Record<Exclude<Persona, "anonymous">, string> = {
  admin: "admin@example.org",
  officer: "officer@example.org",
  officer2: "officer2@example.org",
  // The Mine Monitoring Program's officer: manages MMP's grants, reads the rest (officer scope).
  officer3: "officer3@example.org",
  partnerIcbl: "partner@icbl.example.org",
  partnerMac: "partner@mac.example.org",
};

/** The actor a seeded demo account acts as, built the way the apps build it from a session. */
export async function actorFor(db: Database, persona: Persona): Promise<Actor | null> {
  if (persona === "anonymous") return null;
  const [user] = await db.select().from(users).where(eq(users.email, EMAILS[persona]));
  if (!user) throw new Error(`seed has no user ${EMAILS[persona]}`);
  const orgs = await db
    .select({ id: memberships.organisationId })
    .from(memberships)
    .where(eq(memberships.userId, user.id));
  return { userId: user.id, role: user.role, organisationIds: user.role === "partner" ? orgs.map((o) => o.id) : [] };
}

export async function callers(db: Database, persona: Persona) {
  return callersAs(db, await actorFor(db, persona));
}

/** The callers of any actor (e.g. an officer a test created with a scope of its own). */
export function callersAs(db: Database, actor: Actor | null) {
  const ctx: Context = { db, actor, locale: "en" };
  return { web: createWebCaller(ctx), admin: createAdminCaller(ctx), actor: ctx.actor };
}

/**
 * A new officer assigned to the given programmes, who sees grants outside them read-only or not at all, written as
 * the admin's setOfficerScope writes it.
 */
export async function scopedOfficer(
  db: Database,
  programmeIds: readonly string[],
  outside: "read_only" | "hidden",
): Promise<Actor> {
  const email = `scoped-${outside}-${Math.random().toString(36).slice(2, 10)}@example.org`;
  const [user] = await db
    .insert(users)
    .values({ email, name: `Scoped ${outside}`, role: "officer", outsideProgrammeAccess: outside })
    .returning();
  if (programmeIds.length > 0) {
    await db.insert(officerProgrammes).values(programmeIds.map((programmeId) => ({ userId: user!.id, programmeId })));
  }
  return { userId: user!.id, role: "officer", organisationIds: [] };
}
