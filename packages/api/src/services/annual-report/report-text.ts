import type { annualReport } from "./annual-report";

export type AnnualReport = Awaited<ReturnType<typeof annualReport>>;
type Locale = "en" | "fr";

/** The catalogue's `annualReport` namespace, as next-intl's translator (or any function with its shape) gives it. */
export type ReportTranslate = (key: string, values?: Record<string, string | number>) => string;

/** A record a figure was computed from, with where it lives in the portal. */
export interface ReportLink {
  href: string;
  label: string;
}

/** One sentence of the report: its text, the records behind it, and whether any of them is illustrative. */
export interface ReportParagraph {
  id: string;
  text: string;
  links: ReportLink[];
  illustrative: boolean;
}

export interface ReportSection {
  id: "universalisation" | "partnerships" | "conferences";
  title: string;
  paragraphs: ReportParagraph[];
}

/** Spaces that fonts and plain-text readers lack (French thin and no-break spaces) become ordinary spaces. */
const plainSpaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

/** Whole dollars as the report writes them ($484,744; 484 744 $); cents only when there are any. */
export function reportMoney(minor: number, currency: string, locale: Locale): string {
  const whole = minor % 100 === 0;
  return plainSpaces(
    new Intl.NumberFormat(locale === "fr" ? "fr-CA" : "en-CA", {
      style: "currency",
      currency,
      minimumFractionDigits: whole ? 0 : 2,
      maximumFractionDigits: whole ? 0 : 2,
    }).format(minor / 100),
  );
}

export function reportDate(iso: string, locale: Locale): string {
  return plainSpaces(
    new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).format(
      new Date(`${iso}T12:00:00Z`),
    ),
  );
}

function dateRange(from: string, to: string, locale: Locale): string {
  return plainSpaces(
    new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { dateStyle: "long", timeZone: "UTC" }).formatRange(
      new Date(`${from}T12:00:00Z`),
      new Date(`${to}T12:00:00Z`),
    ),
  );
}

const listOf = (items: readonly string[], locale: Locale) =>
  new Intl.ListFormat(locale === "fr" ? "fr-CA" : "en-CA", { style: "long", type: "conjunction" }).format(items);

/**
 * The report's sentences, in the reader's language, from the report's data: the page lays them out and the PDF
 * prints them, so both say exactly the same thing.
 */
export function reportSections(report: AnnualReport, locale: Locale, t: ReportTranslate): ReportSection[] {
  const name = (s: { nameEn: string; nameFr: string }) => (locale === "fr" ? s.nameFr : s.nameEn);
  const money = (minor: number) => reportMoney(minor, "CAD", locale);
  const { periods, universalisation: u } = report;
  const treatyAt = `/treaty?on=${periods.reportDate}`;
  const universalisation: ReportParagraph[] = [
    {
      id: "joined",
      text: t("joined", { date: reportDate(periods.reportDate, locale), count: u.joined.count }),
      links: [{ href: treatyAt, label: t("records") }],
      illustrative: u.joined.illustrative > 0,
    },
    {
      id: "additions",
      text:
        u.additions.length > 0
          ? t("additions", { year: periods.calendarYear, names: listOf(u.additions.map(name), locale) })
          : t("noAdditions", { year: periods.calendarYear }),
      links: [{ href: treatyAt, label: t("records") }],
      illustrative: false,
    },
    {
      id: "stockpiles",
      text: `${t("stockpiles", {
        count: u.stockpiles.period.states.length,
        from: reportDate(periods.monitorFrom, locale),
        to: reportDate(periods.monitorTo, locale),
        names: listOf(
          u.stockpiles.period.states.map(name).sort((a, b) => a.localeCompare(b, locale)),
          locale,
        ),
        total: u.stockpiles.count,
      })}${u.stockpiles.illustrative > 0 ? ` ${t("stockpilesIllustrative", { illustrative: u.stockpiles.illustrative, total: u.stockpiles.count })}` : ""}`,
      links: [
        { href: treatyAt, label: t("records") },
        ...u.stockpiles.period.states.flatMap((s) => (s.source ? [{ href: s.source, label: name(s) }] : [])),
      ],
      illustrative: u.stockpiles.illustrative > 0,
    },
    {
      id: "producers",
      text: `${t("producers", {
        before: u.producers.before,
        still: u.producers.still,
        names: listOf(u.producers.likelyStopped.map(name), locale),
      })} ${t("producersIllustrative")}`,
      links: [{ href: "/treaty", label: t("records") }],
      illustrative: u.producers.illustrative > 0,
    },
  ];

  const partnerships: ReportParagraph[] =
    report.partnerships.length === 0
      ? [{ id: "none", text: t("noPartners", { fiscalYear: periods.fiscalYearLabel }), links: [], illustrative: false }]
      : report.partnerships.map((partner) => {
          const components = partner.components.map((c) =>
            t("component", { amount: money(c.amount), title: locale === "fr" ? c.titleFr : c.titleEn }),
          );
          return {
            id: `partner-${partner.organisationId}`,
            text: [
              t("partner", {
                amount: money(partner.total),
                fiscalYear: periods.fiscalYearLabel,
                name: `${name(partner)}${partner.acronym ? ` (${partner.acronym})` : ""}`,
                programmes: listOf(
                  partner.programmes.map((p) => (locale === "fr" ? p.nameFr : p.nameEn)),
                  locale,
                ),
              }),
              ...components,
            ].join(" "),
            links: [
              { href: `/organisations/${partner.organisationId}`, label: partner.acronym ?? name(partner) },
              ...partner.grants.map((g) => ({ href: `/grants/${g.id}`, label: g.reference })),
            ],
            illustrative: partner.illustrative,
          };
        });

  const conferences: ReportParagraph[] =
    report.conferences.length === 0
      ? [
          {
            id: "none",
            text: t("noConferences", { fiscalYear: periods.fiscalYearLabel }),
            links: [],
            illustrative: false,
          },
        ]
      : report.conferences.map((conference) => {
          const values = {
            city: conference.city,
            country: locale === "fr" ? conference.countryFr : conference.countryEn,
            dates: dateRange(conference.startsOn, conference.endsOn, locale),
            title: locale === "fr" ? conference.titleFr : conference.titleEn,
            hosts:
              conference.coHosts.length > 0
                ? listOf(
                    conference.coHosts.map((h) => (locale === "fr" ? h.nameFr : h.nameEn)),
                    locale,
                  )
                : t("noHosts"),
          };
          const themes = conference.themes.map((theme) => (locale === "fr" ? theme.fr : theme.en));
          return {
            id: `conference-${conference.id}`,
            text: [
              conference.funding !== null
                ? t("conference", { ...values, amount: money(conference.funding) })
                : t("conferenceNoFunding", values),
              ...(themes.length > 0 ? [t("themes", { themes: listOf(themes, locale) })] : []),
            ].join(" "),
            links: [{ href: `/conferences/${conference.id}`, label: t("records") }],
            illustrative: conference.illustrative || conference.themes.some((theme) => theme.illustrative),
          };
        });

  return [
    { id: "universalisation", title: t("universalisationTitle"), paragraphs: universalisation },
    { id: "partnerships", title: t("partnershipsTitle"), paragraphs: partnerships },
    { id: "conferences", title: t("conferencesTitle"), paragraphs: conferences },
  ];
}
