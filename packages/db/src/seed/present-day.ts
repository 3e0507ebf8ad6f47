import { addDays, fiscalYearBounds, fiscalYearOf, type IsoDate } from "@portal/domain";
import type { AmendmentDefinition } from "./amendments";
import { dollars } from "./amounts";
import { ICBL_PARTNER_EMAIL, MAC_PARTNER_EMAIL, OFFICER_EMAIL, SECOND_OFFICER_EMAIL } from "./demo-accounts";
import type { GrantDefinition, PaymentDefinition, ReportDefinition } from "./grant-plan";
import type { AllocationBudget } from "./programmes";
import { allocationId } from "./programmes";

/**
 * ILLUSTRATIVE, every record of it: a present-day portfolio dated from the day the seed runs, so that today's
 * dashboards show today's work rather than 2002's. Its grants are referenced DEMO-<fiscal year>-..., carry the
 * `illustrative` provenance (the UI labels them so, and the public IATI file leaves them out), and are funded from
 * allocations of the current and the next fiscal year (April-March).
 *
 * What it gives, for any seed date (tests/integration/living-demo.test.ts checks each on several dates):
 * - officers: an instalment approved and due this month (to pay), an instalment due this month created by the first
 *   officer and waiting for the second's approval (four eyes), a grant submitted for approval, one report overdue
 *   with its instalment on hold, a report handed in to review, a grant ending within 60 days and an amendment
 *   extending it, proposed by the second officer and awaiting the first's approval;
 * - partners (ICBL and MAC): reports due within the coming weeks, payments to come, money received this year;
 * - budgets: MAPP and MMP allocations for both years, committed by the grants below.
 *
 * Deterministic given the date: ids come from the references, which name the fiscal year, so a second run the same
 * year writes nothing and a run in a later year adds that year's portfolio next to the earlier one.
 */

const CAD = { currency: "CAD", exchangeRateToCad: "1" } as const;

/** The grant of the amendment awaiting approval: DEMO-<year>-CMAC, ending within 60 days, built for it. */
export const AMENDMENT_CANDIDATE = "CMAC";

/** What the present-day portfolio needs besides its grants: the fiscal years it touches and their allocations. */
export interface PresentDayPortfolio {
  fiscalYears: readonly number[];
  allocations: readonly AllocationBudget[];
  grants: readonly GrantDefinition[];
  amendments: readonly AmendmentDefinition[];
}

/** ILLUSTRATIVE budgets: room for the portfolio below and for what officers commit while trying the demo. */
const BUDGETS = {
  current: { MAPP: dollars(3_000_000), MMP: dollars(600_000) },
  next: { MAPP: dollars(3_200_000), MMP: dollars(650_000) },
} as const;

function lastDayOfMonth(date: IsoDate): IsoDate {
  const [year, month] = [Number(date.slice(0, 4)), Number(date.slice(5, 7))];
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${date.slice(0, 8)}${String(last).padStart(2, "0")}`;
}

const earliest = (...dates: IsoDate[]) => [...dates].sort()[0]!;
const latest = (...dates: IsoDate[]) => [...dates].sort().at(-1)!;

function reports(
  dueOn: { interim: IsoDate; final: IsoDate },
  overrides: Partial<Record<string, Partial<ReportDefinition>>> = {},
  extra: readonly ReportDefinition[] = [],
): ReportDefinition[] {
  const base: ReportDefinition[] = [
    { key: "interim-narrative", kind: "narrative", stage: "interim", dueOn: dueOn.interim, status: "open" },
    { key: "final-narrative", kind: "narrative", stage: "final", dueOn: dueOn.final, status: "open" },
    { key: "final-financial", kind: "financial", stage: "final", dueOn: dueOn.final, status: "open" },
  ];
  return [...base, ...extra].map((report) => ({ ...report, ...overrides[report.key] }));
}

interface ScheduleSlot {
  dueOn: IsoDate;
  status: PaymentDefinition["status"];
  paidOn?: IsoDate;
  createdBy: string;
  approvedBy?: string;
}

/** 50% on signature, 40% on acceptance of the interim report, 10% held back until the final report is accepted. */
function schedule(signature: ScheduleSlot, interim: ScheduleSlot, final: ScheduleSlot): PaymentDefinition[] {
  const slot = ({ paidOn, approvedBy, ...rest }: ScheduleSlot) => ({
    ...rest,
    ...(paidOn ? { paidOn } : {}),
    ...(approvedBy ? { approvedBy } : {}),
  });
  return [
    {
      percent: 50,
      descriptionEn: "50% on signature",
      descriptionFr: "50 % à la signature",
      ...slot(signature),
    },
    {
      percent: 40,
      descriptionEn: "40% on acceptance of the interim report",
      descriptionFr: "40 % à l'acceptation du rapport d'étape",
      report: "interim-narrative",
      ...slot(interim),
    },
    {
      percent: 10,
      descriptionEn: "10% holdback, on acceptance of the final report",
      descriptionFr: "Retenue de 10 %, à l'acceptation du rapport final",
      report: "final-narrative",
      ...slot(final),
    },
  ];
}

export function presentDayPortfolio(today: IsoDate): PresentDayPortfolio {
  const year = fiscalYearOf(today);
  const next = year + 1;
  const { startsOn: yearStart } = fiscalYearBounds(year);
  const nextYear = fiscalYearBounds(next);
  const day = (offset: number) => addDays(today, offset);
  const reference = (slug: string) => `DEMO-${year}-${slug}`;
  // Money already paid is dated this fiscal year (booked against its allocations) and never after today.
  const paidAfter = (start: IsoDate, days: number) => earliest(latest(addDays(start, days), yearStart), today);
  // Due this month: from today to the month's last day, whatever day of the month the seed runs.
  const laterThisMonth = earliest(day(5), lastDayOfMonth(today));
  const firstOfMonth = `${today.slice(0, 8)}01`;
  const finalReport = (endsOn: IsoDate) => addDays(endsOn, 45);
  const paidSignature = (start: IsoDate, createdBy: string, approvedBy: string): ScheduleSlot => ({
    dueOn: addDays(start, 14),
    status: "paid",
    paidOn: paidAfter(start, 20),
    createdBy,
    approvedBy,
  });
  const planned = (dueOn: IsoDate, createdBy: string): ScheduleSlot => ({ dueOn, status: "planned", createdBy });
  const grant = (fields: Omit<GrantDefinition, "provenance" | "currency" | "exchangeRateToCad">): GrantDefinition => ({
    ...CAD,
    ...fields,
    provenance: "illustrative",
  });

  const lmStart = day(-150);
  const lmEnd = day(215);
  const landmineMonitor = grant({
    reference: reference("ICBL-LM"),
    recipient: "icbl",
    titleEn: `Landmine Monitor ${year + 1}: research, production and distribution`,
    titleFr: `Observatoire des mines ${year + 1} : recherche, production et diffusion`,
    purposeEn:
      "Illustrative present-day grant: the research network, editing and distribution of the annual Landmine Monitor.",
    purposeFr:
      "Subvention actuelle illustrative : réseau de recherche, édition et diffusion de l'Observatoire des mines annuel.",
    totalAmount: dollars(240_000),
    startsOn: lmStart,
    endsOn: lmEnd,
    status: "active",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Country research network",
        titleFr: "Réseau de recherche par pays",
        amount: dollars(150_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Editing, translation and distribution",
        titleFr: "Édition, traduction et diffusion",
        amount: dollars(90_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MMP", fiscalYear: year, amount: dollars(240_000), provenance: "illustrative" }],
    // The interim narrative is due within two weeks; the interim financial statement came in early, to review.
    reports: reports(
      { interim: day(10), final: finalReport(lmEnd) },
      {
        "interim-financial": {
          status: "submitted",
          submissions: [
            {
              by: ICBL_PARTNER_EMAIL,
              at: `${day(-2)}T14:00:00Z`,
              body: "Illustrative interim financial statement: research grants paid to country researchers so far this year.",
            },
          ],
        },
      },
      [{ key: "interim-financial", kind: "financial", stage: "interim", dueOn: day(10), status: "open" }],
    ),
    payments: schedule(
      paidSignature(lmStart, OFFICER_EMAIL, SECOND_OFFICER_EMAIL),
      planned(day(25), OFFICER_EMAIL),
      planned(addDays(lmEnd, 60), OFFICER_EMAIL),
    ),
  });

  const universalisationStart = day(-210);
  const universalisationEnd = day(155);
  const universalisation = grant({
    reference: reference("ICBL-UNIV"),
    recipient: "icbl",
    titleEn: "Universalisation of the Ottawa Convention",
    titleFr: "Universalisation de la Convention d'Ottawa",
    purposeEn: "Illustrative present-day grant: advocacy with states not yet party to the Convention.",
    purposeFr: "Subvention actuelle illustrative : plaidoyer auprès des États qui ne sont pas encore parties.",
    totalAmount: dollars(185_000),
    startsOn: universalisationStart,
    endsOn: universalisationEnd,
    status: "active",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Universalisation missions and advocacy",
        titleFr: "Missions et plaidoyer pour l'universalisation",
        amount: dollars(185_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MAPP", fiscalYear: year, amount: dollars(185_000), provenance: "illustrative" }],
    // THE overdue report: twelve days late, so its instalment is on hold (as the daily holds job leaves it).
    reports: reports({ interim: day(-12), final: finalReport(universalisationEnd) }),
    payments: schedule(
      paidSignature(universalisationStart, OFFICER_EMAIL, SECOND_OFFICER_EMAIL),
      { dueOn: day(-5), status: "on_hold", createdBy: OFFICER_EMAIL },
      planned(addDays(universalisationEnd, 60), OFFICER_EMAIL),
    ),
  });

  const macStart = day(-120);
  const macEnd = day(245);
  const mac = grant({
    reference: reference("MAC"),
    recipient: "mac",
    titleEn: "Mines Action Canada programming",
    titleFr: "Programmation d'Action Mines Canada",
    purposeEn:
      "Illustrative present-day grant: youth ambassadors, Americas coordination for the Landmine Monitor, and outreach in Canada.",
    purposeFr:
      "Subvention actuelle illustrative : jeunes ambassadeurs, coordination des Amériques pour l'Observatoire des mines et sensibilisation au Canada.",
    totalAmount: dollars(320_000),
    startsOn: macStart,
    endsOn: macEnd,
    status: "active",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: SECOND_OFFICER_EMAIL,
    approvedBy: OFFICER_EMAIL,
    recordedBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Youth Mine Action Ambassador Program",
        titleFr: "Programme des jeunes ambassadeurs de l'action contre les mines",
        amount: dollars(120_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Americas regional coordination for the Landmine Monitor",
        titleFr: "Coordination régionale des Amériques pour l'Observatoire des mines",
        amount: dollars(90_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Education and outreach in Canada",
        titleFr: "Éducation et sensibilisation au Canada",
        amount: dollars(110_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MAPP", fiscalYear: year, amount: dollars(320_000), provenance: "illustrative" }],
    // The interim narrative was accepted, so its instalment is approved and due this month; the interim financial
    // statement is due within three weeks.
    reports: reports(
      { interim: day(-30), final: finalReport(macEnd) },
      {
        "interim-narrative": {
          status: "accepted",
          submissions: [
            {
              by: MAC_PARTNER_EMAIL,
              at: `${day(-34)}T14:30:00Z`,
              body: "Illustrative interim narrative report: youth ambassadors' school visits by province, and the Americas research network.",
              decision: "accepted",
              response: "Thank you: accepted.",
              respondedBy: SECOND_OFFICER_EMAIL,
              respondedAt: `${day(-27)}T16:00:00Z`,
            },
          ],
        },
      },
      [{ key: "interim-financial", kind: "financial", stage: "interim", dueOn: day(20), status: "open" }],
    ),
    payments: schedule(
      paidSignature(macStart, SECOND_OFFICER_EMAIL, OFFICER_EMAIL),
      { dueOn: firstOfMonth, status: "approved", createdBy: SECOND_OFFICER_EMAIL, approvedBy: OFFICER_EMAIL },
      planned(addDays(macEnd, 60), SECOND_OFFICER_EMAIL),
    ),
  });

  const haloStart = day(-14);
  const haloEnd = day(351);
  const halo = grant({
    reference: reference("HALO"),
    recipient: "halo-trust",
    titleEn: "Land release in Ukraine",
    titleFr: "Remise à disposition de terres en Ukraine",
    purposeEn: "Illustrative present-day grant: non-technical survey and manual clearance of farmland.",
    purposeFr: "Subvention actuelle illustrative : enquête non technique et déminage manuel de terres agricoles.",
    totalAmount: dollars(350_000),
    startsOn: haloStart,
    endsOn: haloEnd,
    status: "active",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Non-technical survey",
        titleFr: "Enquête non technique",
        amount: dollars(90_000),
        provenance: "illustrative",
      },
      { titleEn: "Manual clearance", titleFr: "Déminage manuel", amount: dollars(260_000), provenance: "illustrative" },
    ],
    funding: [{ programme: "MAPP", fiscalYear: year, amount: dollars(350_000), provenance: "illustrative" }],
    reports: reports({ interim: day(165), final: finalReport(haloEnd) }),
    // Due this month and requested by the first officer: waiting for the second officer's approval (four eyes).
    payments: schedule(
      { dueOn: laterThisMonth, status: "due", createdBy: OFFICER_EMAIL },
      planned(day(180), OFFICER_EMAIL),
      planned(addDays(haloEnd, 60), OFFICER_EMAIL),
    ),
  });

  const cmacStart = day(-300);
  const cmacEnd = day(40);
  const cmac = grant({
    reference: reference(AMENDMENT_CANDIDATE),
    recipient: "cmac",
    titleEn: "Humanitarian demining in Battambang",
    titleFr: "Déminage humanitaire à Battambang",
    purposeEn: "Illustrative present-day grant: demining platoons and community liaison, ending within two months.",
    purposeFr:
      "Subvention actuelle illustrative : pelotons de déminage et liaison communautaire, se terminant dans les deux mois.",
    totalAmount: dollars(280_000),
    startsOn: cmacStart,
    endsOn: cmacEnd,
    status: "active",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: SECOND_OFFICER_EMAIL,
    approvedBy: OFFICER_EMAIL,
    recordedBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Demining platoons",
        titleFr: "Pelotons de déminage",
        amount: dollars(230_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Community liaison",
        titleFr: "Liaison communautaire",
        amount: dollars(50_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MAPP", fiscalYear: year, amount: dollars(280_000), provenance: "illustrative" }],
    reports: reports(
      { interim: day(-150), final: finalReport(cmacEnd) },
      { "interim-narrative": { status: "accepted" } },
    ),
    payments: schedule(
      paidSignature(cmacStart, SECOND_OFFICER_EMAIL, OFFICER_EMAIL),
      {
        dueOn: day(-140),
        status: "paid",
        paidOn: paidAfter(day(-140), 5),
        createdBy: SECOND_OFFICER_EMAIL,
        approvedBy: OFFICER_EMAIL,
      },
      planned(addDays(cmacEnd, 60), SECOND_OFFICER_EMAIL),
    ),
  });

  // Proposed two days ago by the second officer (CMAC's lead): three more months, with the holdback and the final
  // reports moved by as much; the first officer approves it (four eyes). The accepted interim report stays put.
  const cmacExtendedEnd = addDays(cmacEnd, 91);
  const cmacExtension: AmendmentDefinition = {
    reference: cmac.reference,
    proposedBy: SECOND_OFFICER_EMAIL,
    proposedAt: `${day(-2)}T15:30:00Z`,
    reason: "Illustrative: no-cost extension of three months; the rains held up clearance of the last two minefields.",
    endsOn: cmacExtendedEnd,
    payments: [{ sequence: 3, dueOn: addDays(cmacExtendedEnd, 60) }],
    requirements: [
      { kind: "narrative", stage: "final", dueOn: finalReport(cmacExtendedEnd) },
      { kind: "financial", stage: "final", dueOn: finalReport(cmacExtendedEnd) },
    ],
  };

  // Next fiscal year: one agreement submitted for approval (by the second officer, so the first can approve it), and
  // two approved, committing next year's allocations.
  const rehabilitation = grant({
    reference: reference("HI"),
    recipient: "handicap-international",
    titleEn: "Rehabilitation for mine survivors",
    titleFr: "Réadaptation des survivants des mines",
    purposeEn: "Illustrative present-day grant: prosthetics and physiotherapy for survivors, next fiscal year.",
    purposeFr: "Subvention actuelle illustrative : prothèses et physiothérapie pour les survivants, l'an prochain.",
    totalAmount: dollars(210_000),
    ...nextYear,
    status: "submitted",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Prosthetics and physiotherapy",
        titleFr: "Prothèses et physiothérapie",
        amount: dollars(210_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MAPP", fiscalYear: next, amount: dollars(210_000), provenance: "illustrative" }],
    reports: [],
    payments: [],
  });

  const nextMonitor = grant({
    reference: reference("ICBL-LM-NEXT"),
    recipient: "icbl",
    titleEn: `Landmine Monitor ${next + 1}: research, production and distribution`,
    titleFr: `Observatoire des mines ${next + 1} : recherche, production et diffusion`,
    purposeEn: "Illustrative present-day grant: next year's Landmine Monitor, approved ahead of the fiscal year.",
    purposeFr: "Subvention actuelle illustrative : l'Observatoire des mines de l'an prochain, approuvé d'avance.",
    totalAmount: dollars(250_000),
    ...nextYear,
    status: "approved",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Landmine Monitor: research, production and distribution",
        titleFr: "Observatoire des mines : recherche, production et diffusion",
        amount: dollars(250_000),
        provenance: "illustrative",
      },
    ],
    funding: [{ programme: "MMP", fiscalYear: next, amount: dollars(250_000), provenance: "illustrative" }],
    reports: reports({ interim: addDays(nextYear.startsOn, 200), final: finalReport(nextYear.endsOn) }),
    payments: schedule(
      planned(addDays(nextYear.startsOn, 14), OFFICER_EMAIL),
      planned(addDays(nextYear.startsOn, 215), OFFICER_EMAIL),
      planned(addDays(nextYear.endsOn, 60), OFFICER_EMAIL),
    ),
  });

  const clearance = grant({
    reference: reference("NPA"),
    recipient: "npa",
    titleEn: "Mine clearance and survey in Angola",
    titleFr: "Déminage et levés en Angola",
    purposeEn: "Illustrative present-day grant: manual clearance teams and technical survey, next fiscal year.",
    purposeFr: "Subvention actuelle illustrative : équipes de déminage manuel et levés techniques, l'an prochain.",
    totalAmount: dollars(400_000),
    ...nextYear,
    status: "approved",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: SECOND_OFFICER_EMAIL,
    approvedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Manual clearance teams",
        titleFr: "Équipes de déminage manuel",
        amount: dollars(320_000),
        provenance: "illustrative",
      },
      { titleEn: "Technical survey", titleFr: "Levés techniques", amount: dollars(80_000), provenance: "illustrative" },
    ],
    funding: [{ programme: "MAPP", fiscalYear: next, amount: dollars(400_000), provenance: "illustrative" }],
    reports: reports({ interim: addDays(nextYear.startsOn, 200), final: finalReport(nextYear.endsOn) }),
    payments: schedule(
      planned(addDays(nextYear.startsOn, 14), SECOND_OFFICER_EMAIL),
      planned(addDays(nextYear.startsOn, 215), SECOND_OFFICER_EMAIL),
      planned(addDays(nextYear.endsOn, 60), SECOND_OFFICER_EMAIL),
    ),
  });

  const budget = (programme: "MAPP" | "MMP", fiscalYear: number, amount: number): AllocationBudget => ({
    id: allocationId(programme, fiscalYear),
    programme,
    fiscalYear,
    amount,
  });

  return {
    fiscalYears: [year, next],
    allocations: [
      budget("MAPP", year, BUDGETS.current.MAPP),
      budget("MMP", year, BUDGETS.current.MMP),
      budget("MAPP", next, BUDGETS.next.MAPP),
      budget("MMP", next, BUDGETS.next.MMP),
    ],
    grants: [landmineMonitor, universalisation, mac, halo, cmac, rehabilitation, nextMonitor, clearance],
    amendments: [cmacExtension],
  };
}
