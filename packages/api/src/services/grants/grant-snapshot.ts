import { type DbOrTx, fundingLines, grantComponents, grants } from "@portal/db";
import { asc, eq } from "drizzle-orm";

/** A grant with its components and funding lines, as the audit trail records it before and after an edit. */
export async function grantSnapshot(tx: DbOrTx, grantId: string) {
  const [[grant], components, lines] = await Promise.all([
    tx.select().from(grants).where(eq(grants.id, grantId)),
    tx
      .select()
      .from(grantComponents)
      .where(eq(grantComponents.grantId, grantId))
      .orderBy(asc(grantComponents.position)),
    tx.select().from(fundingLines).where(eq(fundingLines.grantId, grantId)).orderBy(asc(fundingLines.allocationId)),
  ]);
  // The search document is derived from the fields beside it: an edit's diff shows those, not it.
  const { searchText: _derived, ...fields } = grant ?? {};
  return { ...fields, components, fundingLines: lines };
}
