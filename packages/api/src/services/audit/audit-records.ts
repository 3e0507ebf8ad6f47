import {
  allocations,
  conferences,
  type DbOrTx,
  disbursements,
  grants,
  organisations,
  programmes,
  reportingRequirements,
  scheduledPayments,
  users,
} from "@portal/db";
import { fiscalYearLabel, type MessageParams, param } from "@portal/domain";
import { eq, inArray } from "drizzle-orm";
import { auditChanges } from "./audit-changes";
import { AUDIT_ENTITY } from "./write-audit";

/**
 * An audited record as people know it: its reference, its title in both languages (or a sentence of the `auditLog`
 * catalogue with parameters), and where it lives, in the portal (`web`) or the console (`admin`). Null when the
 * record no longer exists or has no name (a session, a setting): the page then shows the kind of record.
 */
export interface AuditRecordView {
  reference: string | null;
  title: { en: string; fr: string } | null;
  sentence: { key: "paymentOf" | "disbursementOf" | "requirementOf" | "fiscalYear"; params: MessageParams } | null;
  href: { app: "web" | "admin"; path: string } | null;
}

type Key = `${string}:${string}`;
const keyOf = (entityType: string, entityId: string): Key => `${entityType}:${entityId}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const names = (en: string, fr: string | null | undefined) => ({ en, fr: fr || en });

/** The records of a page of audit events, looked up with one query per kind of record. */
export async function auditRecords(
  db: DbOrTx,
  events: readonly { entityType: string; entityId: string }[],
): Promise<Map<Key, AuditRecordView>> {
  const idsOf = (type: string) => [
    ...new Set(events.filter((e) => e.entityType === type && UUID.test(e.entityId)).map((e) => e.entityId)),
  ];
  const out = new Map<Key, AuditRecordView>();
  const grantColumns = { reference: grants.reference, titleEn: grants.titleEn, titleFr: grants.titleFr, id: grants.id };
  const grantTitle = (g: { reference: string; titleEn: string; titleFr: string }) =>
    param.names(`${g.titleEn} (${g.reference})`, `${g.titleFr || g.titleEn} (${g.reference})`);
  const lookups: Promise<void>[] = [];
  const when = (ids: string[], run: (ids: string[]) => Promise<void>) => {
    if (ids.length > 0) lookups.push(run(ids));
  };

  when(idsOf(AUDIT_ENTITY.grant), async (ids) => {
    for (const g of await db.select(grantColumns).from(grants).where(inArray(grants.id, ids)))
      out.set(keyOf(AUDIT_ENTITY.grant, g.id), {
        reference: g.reference,
        title: names(g.titleEn, g.titleFr),
        sentence: null,
        href: { app: "web", path: `/grants/${g.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.payment), async (ids) => {
    const rows = await db
      .select({ id: scheduledPayments.id, sequence: scheduledPayments.sequence, grant: grantColumns })
      .from(scheduledPayments)
      .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
      .where(inArray(scheduledPayments.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.payment, r.id), {
        reference: r.grant.reference,
        title: null,
        sentence: { key: "paymentOf", params: { sequence: r.sequence, grant: grantTitle(r.grant) } },
        href: { app: "web", path: `/grants/${r.grant.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.disbursement), async (ids) => {
    const rows = await db
      .select({ id: disbursements.id, amount: disbursements.amount, currency: grants.currency, grant: grantColumns })
      .from(disbursements)
      .innerJoin(grants, eq(grants.id, disbursements.grantId))
      .where(inArray(disbursements.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.disbursement, r.id), {
        reference: r.grant.reference,
        title: null,
        sentence: {
          key: "disbursementOf",
          params: { amount: param.money(r.amount, r.currency), grant: grantTitle(r.grant) },
        },
        href: { app: "web", path: `/grants/${r.grant.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.requirement), async (ids) => {
    const rows = await db
      .select({
        id: reportingRequirements.id,
        kind: reportingRequirements.kind,
        stage: reportingRequirements.stage,
        grant: grantColumns,
      })
      .from(reportingRequirements)
      .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
      .where(inArray(reportingRequirements.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.requirement, r.id), {
        reference: r.grant.reference,
        title: null,
        sentence: { key: "requirementOf", params: { report: `${r.kind}_${r.stage}`, grant: grantTitle(r.grant) } },
        href: { app: "web", path: `/grants/${r.grant.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.organisation), async (ids) => {
    const rows = await db
      .select({
        id: organisations.id,
        acronym: organisations.acronym,
        en: organisations.legalNameEn,
        fr: organisations.legalNameFr,
      })
      .from(organisations)
      .where(inArray(organisations.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.organisation, r.id), {
        reference: r.acronym,
        title: names(r.en, r.fr),
        sentence: null,
        href: { app: "admin", path: `/organisations/${r.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.user), async (ids) => {
    const rows = await db
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(inArray(users.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.user, r.id), {
        reference: r.email,
        title: r.name ? names(r.name, r.name) : null,
        sentence: null,
        href: { app: "admin", path: `/users/${r.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.conference), async (ids) => {
    const rows = await db
      .select({ id: conferences.id, en: conferences.titleEn, fr: conferences.titleFr })
      .from(conferences)
      .where(inArray(conferences.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.conference, r.id), {
        reference: null,
        title: names(r.en, r.fr),
        sentence: null,
        href: { app: "web", path: `/conferences/${r.id}` },
      });
  });
  when(idsOf(AUDIT_ENTITY.allocation), async (ids) => {
    const rows = await db
      .select({ id: allocations.id, fiscalYear: allocations.fiscalYear, code: programmes.code })
      .from(allocations)
      .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
      .where(inArray(allocations.id, ids));
    for (const r of rows)
      out.set(keyOf(AUDIT_ENTITY.allocation, r.id), {
        reference: r.code,
        title: null,
        sentence: { key: "fiscalYear", params: { label: fiscalYearLabel(r.fiscalYear) } },
        href: { app: "admin", path: `/budgets/${r.id}` },
      });
  });
  for (const e of events)
    if (e.entityType === AUDIT_ENTITY.fiscalYear && /^\d{4}$/.test(e.entityId))
      out.set(keyOf(e.entityType, e.entityId), {
        reference: null,
        title: null,
        sentence: { key: "fiscalYear", params: { label: fiscalYearLabel(Number(e.entityId)) } },
        href: null,
      });
  await Promise.all(lookups);
  return out;
}

/** Events with their record and changes, ready for a page: the same view model in the portal and the console. */
export async function withAuditViews<
  E extends { entityType: string; entityId: string; before: unknown; after: unknown },
>(db: DbOrTx, events: readonly E[]) {
  const records = await auditRecords(db, events);
  return events.map((event) => ({
    ...event,
    record: records.get(keyOf(event.entityType, event.entityId)) ?? null,
    changes: auditChanges(event.before, event.after),
  }));
}
