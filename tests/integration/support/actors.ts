import { type Actor, type Context, createAdminCaller, createWebCaller } from "@portal/api";
import { type Database, memberships, users } from "@portal/db";
import { eq } from "drizzle-orm";

export type Persona = "anonymous" | "admin" | "officer" | "officer2" | "partnerIcbl" | "partnerMac";

const EMAILS: Record<Exclude<Persona, "anonymous">, string> = {
  admin: "admin@example.org",
  officer: "officer@example.org",
  officer2: "officer2@example.org",
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
  const ctx: Context = { db, actor: await actorFor(db, persona), locale: "en" };
  return { web: createWebCaller(ctx), admin: createAdminCaller(ctx), actor: ctx.actor };
}
