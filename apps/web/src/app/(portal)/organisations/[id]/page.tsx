import {
  fiscalYearLabel,
  IATI_ORGANISATION_TYPES,
  type IatiOrganisationType,
  formatPlace,
  localized,
} from "@portal/domain";
import {
  Breadcrumbs,
  CardContent,
  Money,
  PageHeader,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
  SectionCard,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { LinkActions } from "@/components/organisations/link-actions";
import { LinkForm } from "@/components/organisations/link-form";
import { PartnershipForm } from "@/components/organisations/partnership-form";
import { formatIsoDate, formatIsoDateRange } from "@/components/treaty/dates";
import { getApi, getSession } from "@/server/caller";
import { loadOrganisation } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  const organisation = await loadOrganisation(id);
  return { title: organisation.acronym ?? localized(organisation, "legalName", locale) };
}

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, session, t, tc, tn, tw, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("organisations"),
    getTranslations("conferences"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
    getFormatter(),
  ]);
  const org = await loadOrganisation(id);
  const manage = org.permissions.managePartnership;
  const everyone = manage ? await api.organisations.list() : [];
  const isPartner = session?.user.role === "partner";
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const orgName = localized(org, "legalName", locale);
  const date = (iso: string) => formatIsoDate(format, iso);
  const money = (amount: number, currency = "CAD") => <Money amount={amount} currency={currency} locale={locale} />;
  const none = (text: string) => <CardContent className="text-sm text-muted-foreground">{text}</CardContent>;
  const iatiKey = IATI_ORGANISATION_TYPES[org.iatiType as IatiOrganisationType];
  const { partnership } = org;
  const links = [
    ...org.links.outgoing.map((l) => ({ ...l, direction: "outgoing" as const })),
    ...org.links.incoming.map((l) => ({ ...l, direction: "incoming" as const })),
  ];

  return (
    <div className="flex flex-col gap-6">
      {isPartner ? null : (
        <Breadcrumbs
          label={tw("breadcrumbs")}
          items={[
            { label: tn("organisations"), href: "/organisations", list: true },
            { label: org.acronym ?? orgName },
          ]}
        />
      )}
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {orgName}
            {org.acronym ? <span className="text-muted-foreground">({org.acronym})</span> : null}
            <ProvenanceBadge provenance={org.provenance} />
          </span>
        }
        description={
          <>
            {[iatiKey ? t(`iati.${iatiKey}`) : null, org.country ? name(org.country) : t("international")]
              .filter(Boolean)
              .join(" · ")}
            {org.website ? (
              <>
                {" · "}
                <a href={org.website} title={t("website")} className="link" rel="noreferrer">
                  {org.website.replace(/^https?:\/\//, "")}
                </a>
              </>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title={t("partnershipTitle")} testId="partnership">
          <CardContent className="flex flex-col gap-3 text-sm">
            {partnership ? (
              <>
                <p className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{t(`kind.${partnership.kind}`)}</span>
                  <span className="text-muted-foreground">
                    {partnership.since ? t("sinceValue", { date: date(partnership.since) }) : t("sinceUnknown")}
                  </span>
                  <ProvenanceBadge provenance={partnership.provenance} />
                </p>
                {localized(partnership, "description", locale) ? (
                  <p className="leading-relaxed">{localized(partnership, "description", locale)}</p>
                ) : null}
              </>
            ) : (
              <p className="text-muted-foreground">{t("partnershipNone")}</p>
            )}
            {manage ? (
              <div>
                <PartnershipForm
                  organisationId={org.id}
                  initial={
                    partnership
                      ? {
                          kind: partnership.kind,
                          since: partnership.since,
                          descriptionEn: partnership.descriptionEn,
                          descriptionFr: partnership.descriptionFr,
                        }
                      : null
                  }
                />
              </div>
            ) : null}
          </CardContent>
        </SectionCard>

        <SectionCard title={t("linksTitle")} description={t("linksDescription")} testId="links">
          {links.length === 0 ? (
            none(t("linksNone"))
          ) : (
            <CardContent>
              <ul className="flex flex-col gap-3 text-sm">
                {links.map((link) => {
                  const other = link.other.acronym ?? name(link.other);
                  const kind = t(`${link.direction}.${link.kind}`);
                  const note = localized(link, "note", locale);
                  return (
                    <li
                      key={`${link.direction}-${link.id}`}
                      className="flex flex-col gap-1 border-b border-border pb-3 last:border-0 last:pb-0"
                      data-testid={`link-${link.direction}-${link.kind}`}
                    >
                      <div className="flex flex-wrap items-center gap-2">
                        <span className="text-muted-foreground">{kind}</span>
                        {org.permissions.openLinkedOrganisations ? (
                          <Link href={`/organisations/${link.other.id}`} className="font-medium link">
                            {other}
                          </Link>
                        ) : (
                          <span className="font-medium">{other}</span>
                        )}
                        {link.other.acronym ? (
                          <span className="text-xs text-muted-foreground">{name(link.other)}</span>
                        ) : null}
                        <ProvenanceBadge provenance={link.provenance} />
                      </div>
                      {note || link.since ? (
                        <p className="text-xs text-muted-foreground">
                          {note}
                          {note && link.since ? " · " : ""}
                          {link.since ? t("sinceValue", { date: date(link.since) }) : ""}
                        </p>
                      ) : null}
                      {manage ? <LinkActions link={link} label={`${kind} ${other}`} /> : null}
                    </li>
                  );
                })}
              </ul>
            </CardContent>
          )}
          {manage ? (
            <CardContent className="border-t border-border">
              <LinkForm
                organisationId={org.id}
                organisations={everyone.map((o) => ({
                  id: o.id,
                  label: `${o.acronym ? `${o.acronym} — ` : ""}${name(o)}`,
                }))}
              />
            </CardContent>
          ) : null}
        </SectionCard>
      </div>

      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <SectionCard title={t("fundingTitle")} description={t("fundingDescription")} testId="funding-by-year">
          {org.fundingByFiscalYear.length === 0 ? (
            none(t("fundingNone"))
          ) : (
            <Table data-testid="funding-by-year-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("fiscalYear")}</TableHead>
                  <TableHead numeric>{t("funded")}</TableHead>
                  <TableHead numeric>{t("disbursed")}</TableHead>
                  <TableHead numeric>{t("grantCount")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {org.fundingByFiscalYear.map((year) => (
                  <TableRow key={year.fiscalYear} data-testid={`funding-${fiscalYearLabel(year.fiscalYear)}`}>
                    <TableCell>{fiscalYearLabel(year.fiscalYear)}</TableCell>
                    <TableCell numeric>{money(year.amount)}</TableCell>
                    <TableCell numeric>{money(year.disbursed)}</TableCell>
                    <TableCell numeric>{year.grants}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>{t("total")}</TableCell>
                  <TableCell numeric>{money(org.fundingTotal.amount)}</TableCell>
                  <TableCell numeric>{money(org.fundingTotal.disbursed)}</TableCell>
                  <TableCell />
                </TableRow>
              </TableFooter>
            </Table>
          )}
        </SectionCard>

        <SectionCard title={t("grantsTitle")} testId="grants">
          {org.grants.length === 0 ? (
            none(t("grantsNone"))
          ) : (
            <Table data-testid="organisation-grants-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("reference")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead numeric>{t("amount")}</TableHead>
                  <TableHead numeric>{t("disbursed")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {org.grants.map((g) => (
                  <TableRow key={g.id}>
                    <TableCell>
                      <Link href={`/grants/${g.id}`} className="font-medium link">
                        {g.reference}
                      </Link>
                      <div className="text-xs text-muted-foreground">{localized(g, "title", locale)}</div>
                      <ProvenanceBadge provenance={g.provenance} />
                    </TableCell>
                    <TableCell>
                      <GrantStatusBadge status={g.status} audience={isPartner ? "partner" : "staff"} />
                    </TableCell>
                    <TableCell numeric>{money(g.totalAmount, g.currency)}</TableCell>
                    <TableCell numeric>{money(g.disbursed, g.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      </div>

      <SectionCard title={t("conferencesTitle")} testId="organisation-conferences">
        {org.conferences.length === 0 ? (
          none(t("conferencesNone"))
        ) : (
          <Table data-testid="organisation-conferences-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("conference")}</TableHead>
                <TableHead>{t("dates")}</TableHead>
                <TableHead>{tc("place")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {org.conferences.map((c) => (
                <TableRow key={c.id}>
                  <TableCell>
                    <Link href={`/conferences/${c.id}`} className="font-medium link">
                      {localized(c, "title", locale)}
                    </Link>
                    <div className="mt-1 flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                      {t(`role.${c.role}`)}
                      {c.participationProvenance ? <ProvenanceBadge provenance={c.participationProvenance} /> : null}
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatIsoDateRange(format, c.startsOn, c.endsOn)}
                  </TableCell>
                  <TableCell>{formatPlace({ city: c.city, countryCode: c.country.iso2 }, locale)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>
    </div>
  );
}
