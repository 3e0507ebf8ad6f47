import { type DbOrTx, organisationRelations } from "@portal/db";
import { eq } from "drizzle-orm";
import { refusal } from "../../errors";
import { isUniqueViolation } from "../db-errors";

export const relationSnapshot = (row: typeof organisationRelations.$inferSelect) => {
  const { createdAt: _created, updatedAt: _updated, ...fields } = row;
  return fields;
};

/** Two officers adding the same link at once: the unique constraint decides, and the loser hears why. */
export function rethrowDuplicateRelation(error: unknown): never {
  if (isUniqueViolation(error, "organisation_relations_unique")) throw refusal("CONFLICT", "linkExists", {}, "kind");
  throw error;
}

export async function lockRelationOrThrow(tx: DbOrTx, id: string) {
  const [row] = await tx.select().from(organisationRelations).where(eq(organisationRelations.id, id)).for("update");
  if (!row) throw refusal("NOT_FOUND", "noSuchLink");
  return row;
}
