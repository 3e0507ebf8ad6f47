import { type DbOrTx, grants } from "@portal/db";
import { and, eq, sql } from "drizzle-orm";
import type { Actor } from "../../actor";
import { refusal } from "../../errors";
import { manageableGrants, visibleGrants } from "../grants/grant-scope";

/** A grant the actor may see (no lock: for reading), with whether they may act on it, or NOT_FOUND. */
export async function visibleGrantOrThrow(db: DbOrTx, actor: Actor, grantId: string) {
  const [grant] = await db
    .select({
      id: grants.id,
      provenance: grants.provenance,
      manageable: sql<boolean>`${manageableGrants(actor)}`,
    })
    .from(grants)
    .where(and(eq(grants.id, grantId), visibleGrants(actor)));
  if (!grant) throw refusal("NOT_FOUND", "noSuchGrant");
  return grant;
}
