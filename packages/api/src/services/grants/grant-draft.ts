import { allocations, type DbOrTx, fundingLines, grantComponents, grants, organisations, users } from "@portal/db";
import { convertToCad, type GrantData } from "@portal/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import { type DomainError, refusal } from "../../errors";
import { isUniqueViolation } from "../db-errors";
import { assertGrantAddsUp } from "./grant-sums";

/** The grant row's own fields from a form, with the CAD equivalent computed the one way the ledger computes it. */
export function grantColumns(data: GrantData) {
  return {
    reference: data.reference,
    recipientId: data.recipientId,
    titleEn: data.titleEn,
    titleFr: data.titleFr,
    purposeEn: data.purposeEn,
    purposeFr: data.purposeFr,
    totalAmount: data.totalAmount,
    currency: data.currency,
    exchangeRateToCad: data.exchangeRateToCad,
    totalAmountCad: convertToCad(data.totalAmount, data.currency, data.exchangeRateToCad),
    startsOn: data.startsOn,
    endsOn: data.endsOn,
    leadOfficerId: data.leadOfficerId ?? null,
  };
}

function referenceTaken(reference: string): DomainError {
  return refusal("CONFLICT", "referenceTaken", { reference }, "reference");
}

/**
 * The rules a draft must meet that need the database: the sums, a unique reference, and a recipient, lead officer and
 * allocations that exist. Each failure names the form field at fault.
 */
export async function checkGrantDraft(tx: DbOrTx, data: GrantData, editingGrantId?: string): Promise<void> {
  assertGrantAddsUp({ ...grantColumns(data), components: data.components, fundingLines: data.fundingLines });

  const sameReference = editingGrantId
    ? and(eq(grants.reference, data.reference), ne(grants.id, editingGrantId))
    : eq(grants.reference, data.reference);
  const allocationIds = data.fundingLines.map((line) => line.allocationId);
  const [taken, [recipient], officer, known] = await Promise.all([
    tx.select({ id: grants.id }).from(grants).where(sameReference),
    tx.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, data.recipientId)),
    data.leadOfficerId
      ? tx
          .select({ id: users.id })
          .from(users)
          .where(and(eq(users.id, data.leadOfficerId), eq(users.role, "officer"), eq(users.active, true)))
      : Promise.resolve([{ id: null }]),
    tx.select({ id: allocations.id }).from(allocations).where(inArray(allocations.id, allocationIds)),
  ]);
  if (taken.length > 0) throw referenceTaken(data.reference);
  if (!recipient) throw refusal("VALIDATION", "chooseRecipient", {}, "recipientId");
  if (officer.length === 0) throw refusal("VALIDATION", "leadOfficerNotActive", {}, "leadOfficerId");
  const knownIds = new Set(known.map((row) => row.id));
  const missing = allocationIds.findIndex((id) => !knownIds.has(id));
  if (missing >= 0) throw refusal("VALIDATION", "chooseAllocation", {}, `fundingLines.${missing}.allocationId`);
}

/** Writes a draft's components and funding lines (replacing any it had). */
export async function writeGrantParts(tx: DbOrTx, grantId: string, data: GrantData): Promise<void> {
  await tx.delete(grantComponents).where(eq(grantComponents.grantId, grantId));
  await tx.delete(fundingLines).where(eq(fundingLines.grantId, grantId));
  await tx.insert(grantComponents).values(
    data.components.map((component, index) => ({
      grantId,
      position: index + 1,
      titleEn: component.titleEn,
      titleFr: component.titleFr,
      descriptionEn: component.descriptionEn,
      descriptionFr: component.descriptionFr,
      amount: component.amount,
    })),
  );
  await tx
    .insert(fundingLines)
    .values(data.fundingLines.map((line) => ({ grantId, allocationId: line.allocationId, amount: line.amount })));
}

/** Two officers saving the same new reference at once: the unique index decides, and the loser hears why. */
export function rethrowReferenceTaken(error: unknown, reference: string): never {
  if (isUniqueViolation(error, "grants_reference_unique")) throw referenceTaken(reference);
  throw error;
}
