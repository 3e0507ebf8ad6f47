import { dollars } from "./amounts";
import { ICBL_PARTNER_EMAIL, MAC_PARTNER_EMAIL, OFFICER_EMAIL, SECOND_OFFICER_EMAIL } from "./demo-accounts";
import type { GrantDefinition, PaymentDefinition, ReportDefinition } from "./grant-plan";

const CAD = { currency: "CAD", exchangeRateToCad: "1" } as const;

/** The usual contribution-agreement schedule: 50% on signature, 40% on the interim report, 10% held back until the final report. */
function standardSchedule(dates: {
  signature: string;
  interim: string;
  final: string;
  paid?: readonly (string | undefined)[];
  statuses?: readonly PaymentDefinition["status"][];
}): PaymentDefinition[] {
  const paid = dates.paid ?? [];
  const status = (index: number): PaymentDefinition["status"] =>
    dates.statuses?.[index] ?? (paid[index] ? "paid" : "planned");
  const payment = (index: number, fields: Omit<PaymentDefinition, "status" | "paidOn">): PaymentDefinition => {
    const paidOn = paid[index];
    return paidOn ? { ...fields, status: status(index), paidOn } : { ...fields, status: status(index) };
  };
  return [
    payment(0, {
      percent: 50,
      descriptionEn: "50% on signature",
      descriptionFr: "50 % à la signature",
      dueOn: dates.signature,
    }),
    payment(1, {
      percent: 40,
      descriptionEn: "40% on acceptance of the interim report",
      descriptionFr: "40 % à l'acceptation du rapport d'étape",
      dueOn: dates.interim,
      report: "interim-narrative",
    }),
    payment(2, {
      percent: 10,
      descriptionEn: "10% holdback, on acceptance of the final report",
      descriptionFr: "Retenue de 10 %, à l'acceptation du rapport final",
      dueOn: dates.final,
      report: "final-narrative",
    }),
  ];
}

/** Interim narrative, final narrative and final financial reports, all with the same status unless overridden. */
function standardReports(
  dates: { interim: string; final: string },
  status: ReportDefinition["status"],
  overrides: Partial<
    Record<"interim-narrative" | "final-narrative" | "final-financial", Partial<ReportDefinition>>
  > = {},
): ReportDefinition[] {
  return [
    {
      key: "interim-narrative",
      kind: "narrative",
      stage: "interim",
      dueOn: dates.interim,
      status,
      ...overrides["interim-narrative"],
    },
    {
      key: "final-narrative",
      kind: "narrative",
      stage: "final",
      dueOn: dates.final,
      status,
      ...overrides["final-narrative"],
    },
    {
      key: "final-financial",
      kind: "financial",
      stage: "final",
      dueOn: dates.final,
      status,
      ...overrides["final-financial"],
    },
  ];
}

/** FY 2001-2002 and FY 2000-2001: the figures the source document and the public record give. */
export const HISTORICAL_GRANTS: readonly GrantDefinition[] = [
  {
    reference: "CLF-2001-ICBL",
    recipient: "icbl",
    titleEn: "Universalisation and implementation of the Ottawa Convention, 2001-2002",
    titleFr: "Universalisation et mise en œuvre de la Convention d'Ottawa, 2001-2002",
    purposeEn:
      "Support to the ICBL's ongoing work toward the universalisation and implementation of the treaty, including the research, production and distribution of the annual Landmine Monitor.",
    purposeFr:
      "Appui au travail de l'ICBL en faveur de l'universalisation et de la mise en œuvre du traité, y compris la recherche, la production et la diffusion de l'Observatoire des mines annuel.",
    ...CAD,
    totalAmount: dollars(484_744),
    startsOn: "2001-04-01",
    endsOn: "2002-03-31",
    status: "closed",
    provenance: "source-document",
    leadOfficer: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Landmine Monitor: research, production and distribution",
        titleFr: "Observatoire des mines : recherche, production et diffusion",
        descriptionEn: "The annual report on states' implementation of and compliance with the 1997 Convention.",
        descriptionFr: "Le rapport annuel sur la mise en œuvre et le respect de la Convention de 1997 par les États.",
        amount: dollars(210_000),
        provenance: "source-document",
      },
      {
        // The amount is the document's remainder ($484,744 - $210,000); only the label is ours.
        titleEn: "Universalisation and implementation work",
        titleFr: "Travaux d'universalisation et de mise en œuvre",
        amount: dollars(274_744),
        provenance: "illustrative",
      },
    ],
    // ILLUSTRATIVE split: the document says "through the Mine Action Partnership and Mine Monitoring Programs" without
    // amounts; here the Landmine Monitor share comes from the monitoring programme and the rest from the partnership one.
    funding: [
      {
        programme: "MMP",
        fiscalYear: 2001,
        amount: dollars(210_000),
        provenance: "illustrative",
      },
      {
        programme: "MAPP",
        fiscalYear: 2001,
        amount: dollars(274_744),
        provenance: "illustrative",
      },
    ],
    reports: standardReports({ interim: "2001-10-15", final: "2002-02-28" }, "accepted"),
    payments: standardSchedule({
      signature: "2001-05-01",
      interim: "2001-11-01",
      final: "2002-03-15",
      paid: ["2001-05-10", "2001-11-09", "2002-03-22"],
    }),
  },
  {
    reference: "CLF-2001-MAC",
    recipient: "mac",
    titleEn: "Mines Action Canada programming, 2001-2002",
    titleFr: "Programmation d'Action Mines Canada, 2001-2002",
    purposeEn:
      "Domestic and international mine action education and outreach, universalisation of the Convention, and Canadian capacity in humanitarian mine clearance and victim rehabilitation.",
    purposeFr:
      "Éducation et sensibilisation à l'action contre les mines au Canada et à l'étranger, universalisation de la Convention, et capacité canadienne en déminage humanitaire et en réadaptation des victimes.",
    ...CAD,
    totalAmount: dollars(317_400),
    startsOn: "2001-04-01",
    endsOn: "2002-03-31",
    status: "closed",
    provenance: "source-document",
    leadOfficer: OFFICER_EMAIL,
    // ILLUSTRATIVE components: the document gives only the total.
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
        amount: dollars(85_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Mine action education, outreach and universalisation",
        titleFr: "Éducation, sensibilisation et universalisation",
        amount: dollars(112_400),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2001,
        amount: dollars(317_400),
        provenance: "illustrative",
      },
    ],
    reports: standardReports({ interim: "2001-10-31", final: "2002-02-28" }, "accepted"),
    payments: standardSchedule({
      signature: "2001-05-15",
      interim: "2001-11-15",
      final: "2002-03-15",
      paid: ["2001-06-05", "2001-11-20", "2002-03-25"],
    }),
  },
  {
    reference: "CLF-2000-ICBL-LM",
    recipient: "icbl",
    titleEn: "Landmine Monitor 2000",
    titleFr: "Observatoire des mines 2000",
    purposeEn: "Research, production and distribution of the Landmine Monitor (announced 19 May 2000).",
    purposeFr: "Recherche, production et diffusion de l'Observatoire des mines (annoncé le 19 mai 2000).",
    ...CAD,
    totalAmount: dollars(250_000),
    startsOn: "2000-05-19",
    endsOn: "2001-03-31",
    status: "closed",
    provenance: "public-record",
    leadOfficer: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Landmine Monitor: research, production and distribution",
        titleFr: "Observatoire des mines : recherche, production et diffusion",
        amount: dollars(250_000),
        provenance: "public-record",
      },
    ],
    funding: [
      {
        programme: "MMP",
        fiscalYear: 2000,
        amount: dollars(250_000),
        provenance: "illustrative",
      },
    ],
    reports: standardReports({ interim: "2000-10-31", final: "2001-02-28" }, "accepted"),
    payments: standardSchedule({
      signature: "2000-06-01",
      interim: "2000-11-15",
      final: "2001-03-15",
      paid: ["2000-06-15", "2000-11-20", "2001-03-20"],
    }),
  },
  {
    reference: "CLF-2001-LSN",
    recipient: "lsn",
    titleEn: "Raising the Voices",
    titleFr: "Raising the Voices (Faire entendre la voix des survivants)",
    purposeEn:
      "Training landmine survivors as advocates for the ban and for survivors' rights (announced 3 December 2001).",
    purposeFr:
      "Former des survivants des mines à défendre l'interdiction et les droits des survivants (annoncé le 3 décembre 2001).",
    ...CAD,
    totalAmount: dollars(125_000),
    startsOn: "2001-12-03",
    endsOn: "2002-03-31",
    status: "closed",
    provenance: "public-record",
    leadOfficer: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Raising the Voices: survivor advocacy training",
        titleFr: "Raising the Voices : formation des survivants à la défense des droits",
        amount: dollars(125_000),
        provenance: "public-record",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2001,
        amount: dollars(125_000),
        provenance: "illustrative",
      },
    ],
    reports: [
      {
        key: "final-narrative",
        kind: "narrative",
        stage: "final",
        dueOn: "2002-03-15",
        status: "accepted",
      },
      {
        key: "final-financial",
        kind: "financial",
        stage: "final",
        dueOn: "2002-03-15",
        status: "accepted",
      },
    ],
    payments: [
      {
        percent: 90,
        descriptionEn: "90% on signature",
        descriptionFr: "90 % à la signature",
        dueOn: "2001-12-15",
        status: "paid",
        paidOn: "2001-12-20",
      },
      {
        percent: 10,
        descriptionEn: "10% holdback, on acceptance of the final report",
        descriptionFr: "Retenue de 10 %, à l'acceptation du rapport final",
        dueOn: "2002-03-20",
        status: "paid",
        report: "final-narrative",
        paidOn: "2002-03-27",
      },
    ],
  },
];

/**
 * ILLUSTRATIVE: FY 2002-2003 work in progress as it stood on 2 December 2002 (a draft, a grant awaiting approval, an
 * approved instalment to pay, an overdue report holding a payment, a report to review). A seed dated in that year
 * shows it so; a later one shows it concluded (history-2002.ts) next to a present-day portfolio (present-day.ts).
 */
export const FY2002_WORK_IN_PROGRESS: readonly GrantDefinition[] = [
  {
    reference: "CLF-2002-ICRC",
    recipient: "icrc",
    titleEn: "Assistance to mine victims, 2002-2003",
    titleFr: "Assistance aux victimes des mines, 2002-2003",
    purposeEn: "Physical rehabilitation of mine survivors and mine risk education in affected countries.",
    purposeFr: "Réadaptation physique des survivants des mines et éducation au danger des mines dans les pays touchés.",
    currency: "CHF",
    // ILLUSTRATIVE rate, kept with the grant: CAD per CHF when the agreement was signed.
    exchangeRateToCad: "0.92000000",
    totalAmount: 50_000_000,
    startsOn: "2002-06-01",
    endsOn: "2003-03-31",
    status: "active",
    provenance: "illustrative",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Physical rehabilitation",
        titleFr: "Réadaptation physique",
        amount: 30_000_000,
        provenance: "illustrative",
      },
      {
        titleEn: "Mine risk education",
        titleFr: "Éducation au danger des mines",
        amount: 20_000_000,
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(460_000),
        provenance: "illustrative",
      },
    ],
    reports: standardReports({ interim: "2002-12-15", final: "2003-04-30" }, "open"),
    payments: [
      {
        percent: 50,
        descriptionEn: "50% on signature",
        descriptionFr: "50 % à la signature",
        dueOn: "2002-06-15",
        status: "paid",
        paidOn: "2002-06-28",
        createdBy: OFFICER_EMAIL,
        approvedBy: SECOND_OFFICER_EMAIL,
      },
      // Due and created by the first officer: waiting for the second officer's approval (four eyes).
      {
        percent: 40,
        descriptionEn: "40% second instalment",
        descriptionFr: "40 % deuxième versement",
        dueOn: "2002-12-01",
        status: "due",
        createdBy: OFFICER_EMAIL,
      },
      {
        percent: 10,
        descriptionEn: "10% holdback, on acceptance of the final report",
        descriptionFr: "Retenue de 10 %, à l'acceptation du rapport final",
        dueOn: "2003-05-15",
        status: "planned",
        report: "final-narrative",
        createdBy: OFFICER_EMAIL,
      },
    ],
  },
  {
    reference: "CLF-2002-ICBL",
    recipient: "icbl",
    titleEn: "Landmine Monitor 2003 and universalisation work, 2002-2003",
    titleFr: "Observatoire des mines 2003 et travaux d'universalisation, 2002-2003",
    purposeEn: "Continued support to the ICBL's universalisation work and the research for the Landmine Monitor 2003.",
    purposeFr:
      "Poursuite de l'appui aux travaux d'universalisation de l'ICBL et à la recherche pour l'Observatoire des mines 2003.",
    ...CAD,
    totalAmount: dollars(450_000),
    startsOn: "2002-04-01",
    endsOn: "2003-03-31",
    status: "active",
    provenance: "illustrative",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Landmine Monitor 2003: research, production and distribution",
        titleFr: "Observatoire des mines 2003 : recherche, production et diffusion",
        amount: dollars(210_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Universalisation and implementation work",
        titleFr: "Travaux d'universalisation et de mise en œuvre",
        amount: dollars(240_000),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MMP",
        fiscalYear: 2002,
        amount: dollars(210_000),
        provenance: "illustrative",
      },
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(240_000),
        provenance: "illustrative",
      },
    ],
    // The interim report is in: an officer has to review it before the second instalment can go.
    reports: standardReports({ interim: "2002-10-31", final: "2003-04-30" }, "open", {
      "interim-narrative": {
        status: "submitted",
        submissions: [
          {
            by: ICBL_PARTNER_EMAIL,
            at: "2002-10-25T15:00:00Z",
            body: "Illustrative interim narrative report, April-September 2002: progress of the Landmine Monitor research network and of universalisation missions.",
          },
        ],
      },
    }),
    payments: standardSchedule({
      signature: "2002-05-01",
      interim: "2002-11-15",
      final: "2003-05-15",
      paid: ["2002-05-15"],
      statuses: ["paid", "due", "planned"],
    }).map((payment) => ({
      ...payment,
      createdBy: OFFICER_EMAIL,
      ...(payment.paidOn ? { approvedBy: SECOND_OFFICER_EMAIL } : {}),
    })),
  },
  {
    reference: "CLF-2002-MAC",
    recipient: "mac",
    titleEn: "Mines Action Canada programming, 2002-2003",
    titleFr: "Programmation d'Action Mines Canada, 2002-2003",
    purposeEn:
      "Youth ambassadors, Americas coordination for the Landmine Monitor, and education and outreach in Canada.",
    purposeFr:
      "Jeunes ambassadeurs, coordination des Amériques pour l'Observatoire des mines, et éducation et sensibilisation au Canada.",
    ...CAD,
    totalAmount: dollars(300_000),
    startsOn: "2002-04-01",
    endsOn: "2003-03-31",
    status: "active",
    provenance: "illustrative",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: SECOND_OFFICER_EMAIL,
    approvedBy: OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
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
        amount: dollars(80_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Education and outreach in Canada",
        titleFr: "Éducation et sensibilisation au Canada",
        amount: dollars(100_000),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(300_000),
        provenance: "illustrative",
      },
    ],
    // The officer asked for changes to the interim report: the partner has to resubmit.
    reports: standardReports({ interim: "2002-11-30", final: "2003-04-30" }, "open", {
      "interim-narrative": {
        status: "changes_requested",
        submissions: [
          {
            by: MAC_PARTNER_EMAIL,
            at: "2002-11-25T14:30:00Z",
            body: "Illustrative interim narrative report, April-October 2002: youth ambassadors' placements and Americas research coordination.",
            decision: "changes_requested",
            response: "Please add the number of schools and communities the youth ambassadors reached, by province.",
            respondedBy: SECOND_OFFICER_EMAIL,
            respondedAt: "2002-12-02T16:00:00Z",
          },
        ],
      },
    }),
    payments: standardSchedule({
      signature: "2002-05-15",
      interim: "2002-12-15",
      final: "2003-05-15",
      paid: ["2002-05-30"],
    }).map((payment) => ({
      ...payment,
      createdBy: SECOND_OFFICER_EMAIL,
      ...(payment.paidOn ? { approvedBy: OFFICER_EMAIL } : {}),
    })),
  },
  {
    reference: "CLF-2002-NPA",
    recipient: "npa",
    titleEn: "Mine clearance and survey in Angola, 2002-2003",
    titleFr: "Déminage et levés en Angola, 2002-2003",
    purposeEn: "Manual clearance teams and technical survey after the April 2002 peace agreement.",
    purposeFr: "Équipes de déminage manuel et levés techniques après l'accord de paix d'avril 2002.",
    ...CAD,
    totalAmount: dollars(300_000),
    startsOn: "2002-07-15",
    endsOn: "2003-06-30",
    status: "active",
    provenance: "illustrative",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    recordedBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Manual clearance teams",
        titleFr: "Équipes de déminage manuel",
        amount: dollars(240_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Technical survey",
        titleFr: "Levés techniques",
        amount: dollars(60_000),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(300_000),
        provenance: "illustrative",
      },
    ],
    // The interim report is overdue, so the second instalment is on hold.
    reports: standardReports({ interim: "2002-11-15", final: "2003-08-31" }, "open"),
    payments: [
      {
        percent: 60,
        descriptionEn: "60% on signature",
        descriptionFr: "60 % à la signature",
        dueOn: "2002-07-31",
        status: "paid",
        paidOn: "2002-08-01",
        createdBy: OFFICER_EMAIL,
        approvedBy: SECOND_OFFICER_EMAIL,
      },
      {
        percent: 30,
        descriptionEn: "30% on acceptance of the interim report",
        descriptionFr: "30 % à l'acceptation du rapport d'étape",
        dueOn: "2002-12-01",
        status: "on_hold",
        report: "interim-narrative",
        createdBy: OFFICER_EMAIL,
      },
      {
        percent: 10,
        descriptionEn: "10% holdback, on acceptance of the final report",
        descriptionFr: "Retenue de 10 %, à l'acceptation du rapport final",
        dueOn: "2003-09-15",
        status: "planned",
        report: "final-narrative",
        createdBy: OFFICER_EMAIL,
      },
    ],
  },
  {
    reference: "CLF-2002-CMAC",
    recipient: "cmac",
    titleEn: "Humanitarian demining in north-western Cambodia, 2002-2003",
    titleFr: "Déminage humanitaire dans le nord-ouest du Cambodge, 2002-2003",
    purposeEn: "Demining platoons and community liaison in the most affected districts.",
    purposeFr: "Pelotons de déminage et liaison communautaire dans les districts les plus touchés.",
    ...CAD,
    totalAmount: dollars(420_000),
    startsOn: "2002-11-01",
    endsOn: "2003-10-31",
    status: "approved",
    provenance: "illustrative",
    leadOfficer: SECOND_OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    approvedBy: SECOND_OFFICER_EMAIL,
    components: [
      {
        titleEn: "Demining platoons",
        titleFr: "Pelotons de déminage",
        amount: dollars(350_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Mine risk education and community liaison",
        titleFr: "Éducation au danger des mines et liaison communautaire",
        amount: dollars(70_000),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(420_000),
        provenance: "illustrative",
      },
    ],
    reports: standardReports({ interim: "2003-04-30", final: "2003-12-31" }, "open"),
    // The first instalment is approved (four eyes) and waiting to be paid.
    payments: standardSchedule({
      signature: "2002-11-15",
      interim: "2003-05-15",
      final: "2004-01-31",
      statuses: ["approved", "planned", "planned"],
    }).map((payment, index) => ({
      ...payment,
      createdBy: OFFICER_EMAIL,
      ...(index === 0 ? { approvedBy: SECOND_OFFICER_EMAIL } : {}),
    })),
  },
  {
    reference: "CLF-2002-HI",
    recipient: "handicap-international",
    titleEn: "Physical rehabilitation for mine survivors in Angola, 2002-2003",
    titleFr: "Réadaptation physique des survivants des mines en Angola, 2002-2003",
    purposeEn: "Orthopaedic workshop support and the socio-economic reintegration of survivors.",
    purposeFr: "Appui aux ateliers orthopédiques et réintégration socio-économique des survivants.",
    ...CAD,
    totalAmount: dollars(180_000),
    startsOn: "2002-09-01",
    endsOn: "2003-08-31",
    status: "submitted",
    provenance: "illustrative",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    components: [
      {
        titleEn: "Orthopaedic workshop support",
        titleFr: "Appui aux ateliers orthopédiques",
        amount: dollars(120_000),
        provenance: "illustrative",
      },
      {
        titleEn: "Socio-economic reintegration",
        titleFr: "Réintégration socio-économique",
        amount: dollars(60_000),
        provenance: "illustrative",
      },
    ],
    funding: [
      {
        programme: "MAPP",
        fiscalYear: 2002,
        amount: dollars(180_000),
        provenance: "illustrative",
      },
    ],
    reports: [],
    payments: [],
  },
  {
    reference: "CLF-2002-HALO",
    recipient: "halo-trust",
    titleEn: "Mine clearance in Afghanistan, 2002-2003",
    titleFr: "Déminage en Afghanistan, 2002-2003",
    purposeEn: "Draft: clearance of mined agricultural land after Afghanistan's accession (11 September 2002).",
    purposeFr: "Ébauche : déminage de terres agricoles après l'adhésion de l'Afghanistan (11 septembre 2002).",
    ...CAD,
    totalAmount: dollars(350_000),
    startsOn: "2002-10-01",
    endsOn: "2003-09-30",
    status: "draft",
    provenance: "illustrative",
    leadOfficer: OFFICER_EMAIL,
    createdBy: OFFICER_EMAIL,
    // A draft being written: no components, funding or schedule yet, so it commits nothing.
    components: [],
    funding: [],
    reports: [],
    payments: [],
  },
];
