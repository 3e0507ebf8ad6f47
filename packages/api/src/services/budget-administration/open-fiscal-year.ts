import { type DbOrTx, fiscalYears } from "@portal/db";
import { fiscalYearBounds, fiscalYearLabel, type OpenFiscalYearData } from "@portal/domain";
import { type Actor, requireCapability } from "../../actor";
import { refusal } from "../../errors";
import { AUDIT_ENTITY, writeAudit } from "../audit/write-audit";

/** Opens a fiscal year so programmes can be allocated budget in it; CONFLICT if it is already open. */
export async function openFiscalYear(db: DbOrTx, actor: Actor, { fiscalYear }: OpenFiscalYearData) {
  requireCapability(actor, "budgets.manage");
  return db.transaction(async (tx) => {
    const [opened] = await tx
      .insert(fiscalYears)
      .values({ startYear: fiscalYear, label: fiscalYearLabel(fiscalYear), ...fiscalYearBounds(fiscalYear) })
      .onConflictDoNothing()
      .returning();
    if (!opened) {
      throw refusal("CONFLICT", "fiscalYearAlreadyOpen", { fiscalYear: fiscalYearLabel(fiscalYear) }, "fiscalYear");
    }
    await writeAudit(tx, actor, {
      action: "fiscal_year.open",
      entityType: AUDIT_ENTITY.fiscalYear,
      entityId: String(fiscalYear),
      before: null,
      after: opened,
    });
    return opened;
  });
}
