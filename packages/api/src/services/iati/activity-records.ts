import {
  allocations,
  auditEvents,
  conferences,
  type DbOrTx,
  disbursements,
  fundingLines,
  grantAmendments,
  grants,
  organisations,
} from "@portal/db";
import {
  type AmendmentChange,
  fiscalYearBounds,
  fiscalYearOf,
  formatMoney,
  IATI_ACTIVITY_DATE_TYPES,
  IATI_ACTIVITY_STATUS_OF_GRANT,
  IATI_DEFAULTS,
  IATI_ENDED_STATUSES,
  IATI_SECTOR_MINE_ACTION,
  IATI_STARTED_STATUSES,
  type IsoDate,
} from "@portal/domain";
import { and, asc, eq, gte, inArray, isNotNull, lte, min, ne, or, type SQL } from "drizzle-orm";
import { todayInOttawa } from "../today";
import type {
  IatiActivityDate,
  IatiActivityRecord,
  IatiBudget,
  IatiTransaction,
  Narratives,
  ReportingOrganisation,
} from "./iati-record";

/** Which activities a file holds: given grants, one fiscal year, or the whole portfolio. */
export interface ActivitySelection {
  grantIds?: readonly string[];
  fiscalYear?: number;
}

const MINE_ACTION_SECTOR = [
  { code: IATI_SECTOR_MINE_ACTION.code, vocabulary: IATI_SECTOR_MINE_ACTION.vocabulary, percentage: 100 },
];

/** A grant to a global partner has no single recipient country: the region "developing countries, unspecified". */
const UNSPECIFIED_REGION = [
  { code: IATI_DEFAULTS.regionUnspecified, vocabulary: IATI_DEFAULTS.regionVocabulary, percentage: 100 },
];

const ottawaDate = (at: Date): IsoDate => todayInOttawa(at);
const earlier = (a: IsoDate, b: IsoDate): IsoDate => (a < b ? a : b);
const later = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);

/** What an activity planned and, once it has happened, actually did; no actual date lies in the future. */
function activityDates(
  startsOn: IsoDate,
  endsOn: IsoDate,
  started: boolean,
  ended: boolean,
  today: IsoDate,
): IatiActivityDate[] {
  const dates: IatiActivityDate[] = [
    { type: IATI_ACTIVITY_DATE_TYPES.plannedStart, isoDate: startsOn },
    { type: IATI_ACTIVITY_DATE_TYPES.plannedEnd, isoDate: endsOn },
  ];
  if (started && startsOn <= today) dates.push({ type: IATI_ACTIVITY_DATE_TYPES.actualStart, isoDate: startsOn });
  if (ended && endsOn <= today) dates.push({ type: IATI_ACTIVITY_DATE_TYPES.actualEnd, isoDate: endsOn });
  return dates;
}

/** One budget per fiscal year the funding lines draw on, over the part of that year the activity covers. */
function budgetsOf(lines: readonly { fiscalYear: number; amount: number }[], startsOn: IsoDate, endsOn: IsoDate) {
  const byYear = new Map<number, number>();
  for (const line of lines) byYear.set(line.fiscalYear, (byYear.get(line.fiscalYear) ?? 0) + line.amount);
  return [...byYear.entries()]
    .sort(([a], [b]) => a - b)
    .map(([fiscalYear, value]): IatiBudget => {
      const year = fiscalYearBounds(fiscalYear);
      const overlaps = startsOn <= year.endsOn && endsOn >= year.startsOn;
      return {
        fiscalYear,
        periodStart: overlaps ? later(startsOn, year.startsOn) : year.startsOn,
        periodEnd: overlaps ? earlier(endsOn, year.endsOn) : year.endsOn,
        value,
        currency: "CAD",
      };
    });
}

function grantFilter(selection: ActivitySelection): SQL | undefined {
  // A draft is an officer's working copy, not an activity.
  const notDraft = ne(grants.status, "draft");
  if (selection.grantIds) return and(notDraft, inArray(grants.id, [...selection.grantIds]));
  if (selection.fiscalYear !== undefined) {
    const year = fiscalYearBounds(selection.fiscalYear);
    return and(notDraft, lte(grants.startsOn, year.endsOn), gte(grants.endsOn, year.startsOn));
  }
  return notDraft;
}

const cadNote = (amountCad: number, rate: string): Narratives => ({
  en: `CAD equivalent ${formatMoney(amountCad, "CAD", "en")} at ${rate} CAD per unit.`,
  fr: `Équivalent en CAD : ${formatMoney(amountCad, "CAD", "fr")} au taux de ${rate} CAD par unité.`,
});

/**
 * The commitment transactions of a grant's approved amendments that changed its total: each the difference (negative
 * when the total was cut), dated the day it was approved, so each fiscal year shows what was committed in it and the
 * commitments add up to the amended total. End dates and budgets need nothing of the kind: they are read from the
 * grant and its funding lines as amended.
 */
function commitmentRevisions(
  grant: { id: string; reference: string; currency: string },
  amendments: readonly { grantId: string; number: number | null; decidedAt: Date | null; changes: AmendmentChange[] }[],
): Omit<IatiTransaction, "illustrative">[] {
  return amendments
    .filter((a) => a.grantId === grant.id && a.decidedAt)
    .flatMap((amendment) =>
      amendment.changes
        .filter((c): c is Extract<AmendmentChange, { field: "totalAmount" }> => c.field === "totalAmount")
        .map((change) => {
          const date = ottawaDate(amendment.decidedAt!);
          const words = (locale: "en" | "fr") =>
            `${formatMoney(change.before, grant.currency, locale)} → ${formatMoney(change.after, grant.currency, locale)}`;
          return {
            type: "2" as const,
            date,
            value: change.after - change.before,
            currency: grant.currency,
            fiscalYear: fiscalYearOf(date),
            description: {
              en: `Amendment ${amendment.number} to contribution agreement ${grant.reference}: commitment revised, ${words("en")}.`,
              fr: `Modification ${amendment.number} de l'accord de contribution ${grant.reference} : engagement révisé, ${words("fr")}.`,
            },
            recordId: `${grant.id}:amendment:${amendment.number}`,
          };
        }),
    );
}

/**
 * The grants' activities: commitment at approval (the agreement's start when the approval predates the portal),
 * every disbursement in the grant's own currency, reversals as negative disbursements, and the budgets per fiscal
 * year from the funding lines.
 */
export async function grantActivityRecords(
  db: DbOrTx,
  reporting: ReportingOrganisation,
  selection: ActivitySelection = {},
): Promise<IatiActivityRecord[]> {
  if (selection.grantIds?.length === 0) return [];
  const rows = await db
    .select({
      id: grants.id,
      reference: grants.reference,
      titleEn: grants.titleEn,
      titleFr: grants.titleFr,
      purposeEn: grants.purposeEn,
      purposeFr: grants.purposeFr,
      status: grants.status,
      startsOn: grants.startsOn,
      endsOn: grants.endsOn,
      currency: grants.currency,
      exchangeRateToCad: grants.exchangeRateToCad,
      totalAmount: grants.totalAmount,
      totalAmountCad: grants.totalAmountCad,
      provenance: grants.provenance,
      createdAt: grants.createdAt,
      updatedAt: grants.updatedAt,
      recipientNameEn: organisations.legalNameEn,
      recipientNameFr: organisations.legalNameFr,
      recipientType: organisations.iatiType,
    })
    .from(grants)
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(grantFilter(selection))
    .orderBy(asc(grants.reference));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [lines, payments, approvals, amendments] = await Promise.all([
    db
      .select({ grantId: fundingLines.grantId, amount: fundingLines.amount, fiscalYear: allocations.fiscalYear })
      .from(fundingLines)
      .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
      .where(inArray(fundingLines.grantId, ids)),
    db
      .select({
        id: disbursements.id,
        grantId: disbursements.grantId,
        paidOn: disbursements.paidOn,
        amount: disbursements.amount,
        currency: disbursements.currency,
        amountCad: disbursements.amountCad,
        reference: disbursements.reference,
        reversesId: disbursements.reversesId,
        reason: disbursements.reason,
        provenance: disbursements.provenance,
        createdAt: disbursements.createdAt,
      })
      .from(disbursements)
      .where(inArray(disbursements.grantId, ids))
      .orderBy(asc(disbursements.paidOn), asc(disbursements.createdAt)),
    db
      .select({ grantId: auditEvents.entityId, at: min(auditEvents.at) })
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, "grant"),
          eq(auditEvents.action, "grant.approve"),
          inArray(auditEvents.entityId, ids),
        ),
      )
      .groupBy(auditEvents.entityId),
    db
      .select({
        grantId: grantAmendments.grantId,
        number: grantAmendments.number,
        decidedAt: grantAmendments.decidedAt,
        changes: grantAmendments.changes,
      })
      .from(grantAmendments)
      .where(and(eq(grantAmendments.status, "approved"), inArray(grantAmendments.grantId, ids)))
      .orderBy(asc(grantAmendments.number)),
  ]);
  const approvedAt = new Map(approvals.map((a) => [a.grantId, a.at]));
  const references = new Map(payments.map((p) => [p.id, p.reference]));
  const today = todayInOttawa();

  return rows.map((grant): IatiActivityRecord => {
    const approval = approvedAt.get(grant.id);
    const committed =
      approval !== undefined && approval !== null
        ? true
        : !(["submitted", "cancelled"] as const).some((status) => status === grant.status);
    // Before the portal, the agreement's start stands for its approval (never later than the record's creation).
    const commitmentDate = approval ? ottawaDate(approval) : earlier(grant.startsOn, ottawaDate(grant.createdAt));
    const illustrative = grant.provenance === "illustrative";
    const foreign = grant.currency !== "CAD";
    const transactions: IatiTransaction[] = [];
    const revisions = committed ? commitmentRevisions(grant, amendments) : [];
    if (committed) {
      transactions.push({
        type: "2",
        date: commitmentDate,
        // The commitment as signed; each approved amendment that changed the total is its own commitment below.
        value: grant.totalAmount - revisions.reduce((sum, r) => sum + r.value, 0),
        currency: grant.currency,
        fiscalYear: fiscalYearOf(commitmentDate),
        description: foreign
          ? {
              en: `Commitment of contribution agreement ${grant.reference}. ${cadNote(grant.totalAmountCad, grant.exchangeRateToCad).en}`,
              fr: `Engagement de l'accord de contribution ${grant.reference}. ${cadNote(grant.totalAmountCad, grant.exchangeRateToCad).fr}`,
            }
          : {
              en: `Commitment of contribution agreement ${grant.reference}.`,
              fr: `Engagement de l'accord de contribution ${grant.reference}.`,
            },
        recordId: grant.id,
        illustrative,
      });
    }
    for (const revision of revisions) transactions.push({ ...revision, illustrative });
    for (const payment of payments.filter((p) => p.grantId === grant.id)) {
      const reversed = payment.reversesId ? (references.get(payment.reversesId) ?? payment.reversesId) : null;
      const base: Narratives = reversed
        ? {
            en: `Reversal of payment ${reversed}: ${payment.reason ?? ""}`.trim(),
            fr: `Contre-passation du paiement ${reversed} : ${payment.reason ?? ""}`.trim(),
          }
        : { en: `Payment ${payment.reference}.`, fr: `Paiement ${payment.reference}.` };
      const note = foreign ? cadNote(payment.amountCad, grant.exchangeRateToCad) : null;
      transactions.push({
        type: "3",
        date: payment.paidOn,
        value: payment.amount,
        currency: payment.currency,
        fiscalYear: fiscalYearOf(payment.paidOn),
        description: note ? { en: `${base.en} ${note.en}`, fr: `${base.fr} ${note.fr}` } : base,
        recordId: payment.id,
        illustrative: illustrative || payment.provenance === "illustrative",
      });
    }
    const lastChange = [
      payments.filter((p) => p.grantId === grant.id).at(-1)?.createdAt,
      amendments.filter((a) => a.grantId === grant.id).at(-1)?.decidedAt,
    ].reduce<Date>((last, at) => (at && at > last ? at : last), grant.updatedAt);
    return {
      kind: "grant",
      id: grant.id,
      localRef: grant.reference,
      identifier: `${reporting.ref}-${grant.reference}`,
      title: { en: grant.titleEn, fr: grant.titleFr },
      description: { en: grant.purposeEn || grant.titleEn, fr: grant.purposeFr || grant.titleFr },
      status: IATI_ACTIVITY_STATUS_OF_GRANT[grant.status],
      dates: activityDates(
        grant.startsOn,
        grant.endsOn,
        (IATI_STARTED_STATUSES as readonly string[]).includes(grant.status),
        (IATI_ENDED_STATUSES as readonly string[]).includes(grant.status),
        today,
      ),
      implementing: {
        ref: null,
        type: grant.recipientType,
        name: { en: grant.recipientNameEn, fr: grant.recipientNameFr },
      },
      recipientCountries: [],
      recipientRegions: UNSPECIFIED_REGION,
      sectors: MINE_ACTION_SECTOR,
      currency: grant.currency,
      exchangeRateToCad: grant.exchangeRateToCad,
      budgets: budgetsOf(
        lines.filter((l) => l.grantId === grant.id),
        grant.startsOn,
        grant.endsOn,
      ),
      transactions,
      parentIdentifier: null,
      illustrative,
      lastUpdated: lastChange,
    };
  });
}

/**
 * Funded conferences. A direct cost is the ministry's own expenditure (type 4, once the conference is over) against
 * its allocation's fiscal year; a conference funded through a grant points at the grant's activity, which carries
 * its money, so nothing is counted twice.
 */
export async function conferenceActivityRecords(
  db: DbOrTx,
  reporting: ReportingOrganisation,
  selection: { fiscalYear?: number; conferenceIds?: readonly string[] } = {},
): Promise<IatiActivityRecord[]> {
  const funded = or(isNotNull(conferences.grantId), isNotNull(conferences.directCost));
  const year = selection.fiscalYear === undefined ? null : fiscalYearBounds(selection.fiscalYear);
  const rows = await db
    .select({
      id: conferences.id,
      slug: conferences.slug,
      titleEn: conferences.titleEn,
      titleFr: conferences.titleFr,
      descriptionEn: conferences.descriptionEn,
      descriptionFr: conferences.descriptionFr,
      city: conferences.city,
      countryCode: conferences.countryCode,
      startsOn: conferences.startsOn,
      endsOn: conferences.endsOn,
      directCost: conferences.directCost,
      currency: conferences.currency,
      fiscalYear: allocations.fiscalYear,
      grantReference: grants.reference,
      recipientNameEn: organisations.legalNameEn,
      recipientNameFr: organisations.legalNameFr,
      recipientType: organisations.iatiType,
      provenance: conferences.provenance,
      updatedAt: conferences.updatedAt,
    })
    .from(conferences)
    .leftJoin(allocations, eq(allocations.id, conferences.allocationId))
    .leftJoin(grants, eq(grants.id, conferences.grantId))
    .leftJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(
      and(
        funded,
        selection.conferenceIds ? inArray(conferences.id, [...selection.conferenceIds]) : undefined,
        year ? and(lte(conferences.startsOn, year.endsOn), gte(conferences.endsOn, year.startsOn)) : undefined,
      ),
    )
    .orderBy(asc(conferences.startsOn), asc(conferences.slug));
  const today = todayInOttawa();
  return rows.map((conference): IatiActivityRecord => {
    const over = conference.endsOn <= today;
    const illustrative = conference.provenance === "illustrative";
    const transactions: IatiTransaction[] =
      conference.directCost !== null && over
        ? [
            {
              type: "4",
              date: conference.endsOn,
              value: conference.directCost,
              currency: conference.currency,
              fiscalYear: conference.fiscalYear ?? fiscalYearOf(conference.endsOn),
              description: {
                en: `Direct cost of ${conference.titleEn}.`,
                fr: `Coût direct : ${conference.titleFr}.`,
              },
              recordId: conference.id,
              illustrative,
            },
          ]
        : [];
    const budgets: IatiBudget[] =
      conference.directCost !== null && conference.fiscalYear !== null
        ? budgetsOf(
            [{ fiscalYear: conference.fiscalYear, amount: conference.directCost }],
            conference.startsOn,
            conference.endsOn,
          )
        : [];
    const place = `${conference.city}, ${conference.startsOn} – ${conference.endsOn}`;
    return {
      kind: "conference",
      id: conference.id,
      localRef: conference.slug,
      identifier: `${reporting.ref}-CONF-${conference.slug}`,
      title: { en: conference.titleEn, fr: conference.titleFr },
      description: {
        en: conference.descriptionEn || `${conference.titleEn} (${place}).`,
        fr: conference.descriptionFr || `${conference.titleFr} (${place}).`,
      },
      status: over ? 4 : 2,
      dates: activityDates(conference.startsOn, conference.endsOn, true, true, today),
      implementing: conference.grantReference
        ? {
            ref: null,
            type: conference.recipientType ?? 90,
            name: { en: conference.recipientNameEn ?? "", fr: conference.recipientNameFr ?? "" },
          }
        : reporting,
      recipientCountries: [{ code: conference.countryCode, percentage: 100 }],
      recipientRegions: [],
      sectors: MINE_ACTION_SECTOR,
      currency: conference.currency,
      exchangeRateToCad: "1",
      budgets,
      transactions,
      parentIdentifier: conference.grantReference ? `${reporting.ref}-${conference.grantReference}` : null,
      illustrative,
      lastUpdated: conference.updatedAt,
    };
  });
}
