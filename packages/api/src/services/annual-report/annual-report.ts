import {
  allocations,
  conferenceCoHosts,
  conferenceSessions,
  conferences,
  countries,
  type DbOrTx,
  fundingLines,
  grantComponents,
  grants,
  organisations,
  programmes,
} from "@portal/db";
import { type AnnualReportInput, annualReportPeriods, fiscalYearBounds, fiscalYearLabel } from "@portal/domain";
import { and, asc, eq, gte, inArray, lte } from "drizzle-orm";
import { type Actor, requireCapability } from "../../actor";
import { depositsBetween, universalisationFigures } from "../treaty/universalisation-figures";

type Provenance = "source-document" | "public-record" | "illustrative" | "entered";
const illustrativeOf = (...provenances: Provenance[]) => provenances.some((p) => p === "illustrative");

/** Each partner's funding in the fiscal year (CAD, from the funding lines), its programmes and earmarked components. */
async function partnershipsSection(db: DbOrTx, fiscalYear: number) {
  const lines = await db
    .select({
      grantId: grants.id,
      reference: grants.reference,
      grantProvenance: grants.provenance,
      organisationId: organisations.id,
      nameEn: organisations.legalNameEn,
      nameFr: organisations.legalNameFr,
      acronym: organisations.acronym,
      programmeCode: programmes.code,
      programmeEn: programmes.nameEn,
      programmeFr: programmes.nameFr,
      amount: fundingLines.amount,
      lineProvenance: fundingLines.provenance,
    })
    .from(fundingLines)
    .innerJoin(allocations, eq(allocations.id, fundingLines.allocationId))
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .innerJoin(grants, eq(grants.id, fundingLines.grantId))
    .innerJoin(organisations, eq(organisations.id, grants.recipientId))
    .where(
      and(
        eq(allocations.fiscalYear, fiscalYear),
        inArray(grants.status, ["approved", "active", "closing", "closed", "terminated", "suspended"]),
      ),
    )
    .orderBy(asc(organisations.legalNameEn), asc(grants.reference), asc(programmes.code));
  const grantIds = [...new Set(lines.map((l) => l.grantId))];
  const components =
    grantIds.length === 0
      ? []
      : await db
          .select({
            grantId: grantComponents.grantId,
            titleEn: grantComponents.titleEn,
            titleFr: grantComponents.titleFr,
            amount: grantComponents.amount,
            provenance: grantComponents.provenance,
          })
          .from(grantComponents)
          .where(inArray(grantComponents.grantId, grantIds))
          .orderBy(asc(grantComponents.grantId), asc(grantComponents.position));
  const partners = new Map<
    string,
    {
      organisationId: string;
      nameEn: string;
      nameFr: string;
      acronym: string | null;
      total: number;
      illustrative: boolean;
      programmes: { code: string; nameEn: string; nameFr: string; amount: number }[];
      grants: { id: string; reference: string; amount: number; illustrative: boolean }[];
      components: { grantId: string; titleEn: string; titleFr: string; amount: number; illustrative: boolean }[];
    }
  >();
  for (const line of lines) {
    const partner = partners.get(line.organisationId) ?? {
      organisationId: line.organisationId,
      nameEn: line.nameEn,
      nameFr: line.nameFr,
      acronym: line.acronym,
      total: 0,
      illustrative: false,
      programmes: [],
      grants: [],
      components: [],
    };
    partner.total += line.amount;
    const lineIllustrative = illustrativeOf(line.grantProvenance, line.lineProvenance);
    partner.illustrative ||= illustrativeOf(line.grantProvenance);
    const programme = partner.programmes.find((p) => p.code === line.programmeCode);
    if (programme) programme.amount += line.amount;
    else
      partner.programmes.push({
        code: line.programmeCode,
        nameEn: line.programmeEn,
        nameFr: line.programmeFr,
        amount: line.amount,
      });
    const grant = partner.grants.find((g) => g.id === line.grantId);
    if (grant) grant.amount += line.amount;
    else {
      partner.grants.push({
        id: line.grantId,
        reference: line.reference,
        amount: line.amount,
        illustrative: lineIllustrative,
      });
      // Earmarks: only components that single out part of the grant (a one-component grant earmarks nothing).
      const own = components.filter((c) => c.grantId === line.grantId);
      if (own.length > 1) {
        partner.components.push(
          ...own
            .filter((c) => c.provenance !== "illustrative")
            .map((c) => ({
              grantId: c.grantId,
              titleEn: c.titleEn,
              titleFr: c.titleFr,
              amount: c.amount,
              illustrative: false,
            })),
        );
      }
    }
    partners.set(line.organisationId, partner);
  }
  return [...partners.values()].sort((a, b) => b.total - a.total);
}

/** Conferences held in the fiscal year: place, dates, co-hosts, the ministry's funding and the sessions' themes. */
async function conferencesSection(db: DbOrTx, fiscalYear: number) {
  const year = fiscalYearBounds(fiscalYear);
  const rows = await db
    .select({
      id: conferences.id,
      titleEn: conferences.titleEn,
      titleFr: conferences.titleFr,
      city: conferences.city,
      countryEn: countries.nameEn,
      countryFr: countries.nameFr,
      startsOn: conferences.startsOn,
      endsOn: conferences.endsOn,
      directCost: conferences.directCost,
      grantId: conferences.grantId,
      grantAmount: grants.totalAmountCad,
      currency: conferences.currency,
      provenance: conferences.provenance,
    })
    .from(conferences)
    .innerJoin(countries, eq(countries.iso2, conferences.countryCode))
    .leftJoin(grants, eq(grants.id, conferences.grantId))
    .where(and(gte(conferences.startsOn, year.startsOn), lte(conferences.startsOn, year.endsOn)))
    .orderBy(asc(conferences.startsOn));
  const ids = rows.map((r) => r.id);
  const [hosts, sessions] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({
              conferenceId: conferenceCoHosts.conferenceId,
              countryEn: countries.nameEn,
              countryFr: countries.nameFr,
              organisationEn: organisations.legalNameEn,
              organisationFr: organisations.legalNameFr,
              provenance: conferenceCoHosts.provenance,
            })
            .from(conferenceCoHosts)
            .leftJoin(countries, eq(countries.iso2, conferenceCoHosts.countryCode))
            .leftJoin(organisations, eq(organisations.id, conferenceCoHosts.organisationId))
            .where(inArray(conferenceCoHosts.conferenceId, ids)),
          db
            .select({
              conferenceId: conferenceSessions.conferenceId,
              themeEn: conferenceSessions.themeEn,
              themeFr: conferenceSessions.themeFr,
              provenance: conferenceSessions.provenance,
            })
            .from(conferenceSessions)
            .where(inArray(conferenceSessions.conferenceId, ids))
            .orderBy(asc(conferenceSessions.position)),
        ]);
  return rows.map((row) => {
    const themes = sessions.filter((s) => s.conferenceId === row.id && s.themeEn);
    return {
      ...row,
      funding: row.directCost ?? row.grantAmount,
      coHosts: hosts
        .filter((h) => h.conferenceId === row.id)
        .map((h) => ({
          nameEn: h.countryEn ?? h.organisationEn ?? "",
          nameFr: h.countryFr ?? h.organisationFr ?? "",
          illustrative: h.provenance === "illustrative",
        })),
      themes: [...new Map(themes.map((s) => [s.themeEn, s])).values()].map((s) => ({
        en: s.themeEn,
        fr: s.themeFr,
        illustrative: s.provenance === "illustrative",
      })),
      illustrative: row.provenance === "illustrative",
    };
  });
}

/**
 * The annual report for a fiscal year, written from the data: universalisation at the report date (joined, the
 * calendar year's additions, stockpile destructions in the monitoring period with the running total, producers),
 * partnerships (money in the fiscal year) and regional conferences (held in it). Every figure carries what it was
 * computed from and whether any of it is illustrative.
 */
export async function annualReport(db: DbOrTx, actor: Actor, input: AnnualReportInput) {
  requireCapability(actor, "grants.view.all");
  const periods = annualReportPeriods(input);
  const calendarYear = periods.reportDate.slice(0, 4);
  const [figures, additions, partners, regional] = await Promise.all([
    universalisationFigures(db, actor, {
      joinedBy: periods.reportDate,
      periodFrom: periods.monitorFrom,
      periodTo: periods.monitorTo,
    }),
    depositsBetween(db, `${calendarYear}-01-01`, periods.reportDate),
    partnershipsSection(db, periods.fiscalYear),
    conferencesSection(db, periods.fiscalYear),
  ]);
  return {
    periods: { ...periods, fiscalYearLabel: fiscalYearLabel(periods.fiscalYear), calendarYear: Number(calendarYear) },
    universalisation: {
      joined: figures.joined,
      additions,
      stockpiles: figures.stockpiles,
      producers: figures.producers,
    },
    partnerships: partners,
    conferences: regional,
  };
}
