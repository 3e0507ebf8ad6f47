import {
  allocations,
  type DbOrTx,
  disbursements,
  fundingLines,
  grantComponents,
  grants,
  organisations,
  programmes,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../actor";
import { DomainError } from "../../errors";
import { visibleGrants } from "./grant-scope";

/** A grant with everything its detail page shows; NOT_FOUND when it does not exist or the actor may not see it. */
export async function getGrantOrThrow(db: DbOrTx, actor: Actor, id: string) {
  const leadOfficer = alias(users, "lead_officer");
  const [grant] = await db
    .select({
      grant: grants,
      recipient: { id: organisations.id, acronym: organisations.acronym, nameEn: organisations.legalNameEn, nameFr: organisations.legalNameFr },
      leadOfficerName: leadOfficer.name,
    })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .leftJoin(leadOfficer, eq(leadOfficer.id, grants.leadOfficerId))
    .where(and(eq(grants.id, id), visibleGrants(actor)));
  if (!grant) throw new DomainError("NOT_FOUND", "No such grant.");

  const [components, lines, payments, ledger, requirements] = await Promise.all([
    db.select().from(grantComponents).where(eq(grantComponents.grantId, id)).orderBy(asc(grantComponents.position)),
    db
      .select({
        id: fundingLines.id,
        amount: fundingLines.amount,
        disbursed: fundingLines.disbursed,
        fiscalYear: allocations.fiscalYear,
        programme: { id: programmes.id, code: programmes.code, nameEn: programmes.nameEn, nameFr: programmes.nameFr },
        provenance: fundingLines.provenance,
      })
      .from(fundingLines)
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(eq(fundingLines.grantId, id))
      .orderBy(asc(programmes.code)),
    db.select().from(scheduledPayments).where(eq(scheduledPayments.grantId, id)).orderBy(asc(scheduledPayments.sequence)),
    db.select().from(disbursements).where(eq(disbursements.grantId, id)).orderBy(asc(disbursements.paidOn), asc(disbursements.createdAt)),
    db.select().from(reportingRequirements).where(eq(reportingRequirements.grantId, id)).orderBy(asc(reportingRequirements.dueOn)),
  ]);
  return {
    ...grant.grant,
    recipient: grant.recipient,
    leadOfficerName: grant.leadOfficerName,
    components,
    fundingLines: lines,
    scheduledPayments: payments,
    disbursements: ledger,
    reportingRequirements: requirements,
  };
}
