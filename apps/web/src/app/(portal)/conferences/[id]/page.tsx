import { fiscalYearLabel, formatPlace, localized } from "@portal/domain";
import {
  Badge,
  Breadcrumbs,
  Button,
  CardContent,
  Money,
  PageHeader,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  SectionCard,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditTrail } from "@/components/audit-trail";
import { formatIsoDate, formatIsoDateRange } from "@/components/treaty/dates";
import { StandingBadge } from "@/components/treaty/standing-badge";
import { getApi } from "@/server/caller";
import { loadConference } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  return { title: localized(await loadConference(id), "title", locale) };
}

export default async function ConferencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, t, tt, tl, tn, tw, locale, format] = await Promise.all([
    getApi(),
    getTranslations("conferences"),
    getTranslations("treaty"),
    getTranslations("ledger"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
    getFormatter(),
  ]);
  const conference = await loadConference(id);
  const audit = conference.permissions.auditTrail ? await api.conferences.auditTrail({ id }) : null;
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const date = (iso: string) => formatIsoDate(format, iso);
  const start = date(conference.startsOn);
  const none = (text: string) => <CardContent className="text-sm text-muted-foreground">{text}</CardContent>;
  const description = localized(conference, "description", locale);
  const { outcome, funding } = conference;

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        label={tw("breadcrumbs")}
        items={[
          { label: tn("conferences"), href: "/conferences", list: true },
          { label: localized(conference, "title", locale) },
        ]}
      />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {localized(conference, "title", locale)}
            <ProvenanceBadge provenance={conference.provenance} />
          </span>
        }
        description={`${formatPlace({ city: conference.city, countryCode: conference.country.iso2 }, locale)} · ${formatIsoDateRange(format, conference.startsOn, conference.endsOn)} · ${t("fiscalYear", { fy: fiscalYearLabel(conference.fiscalYear) })}`}
        actions={
          conference.permissions.edit ? (
            <Button asChild variant="outline">
              <Link href={`/conferences/${conference.id}/edit`}>{t("edit")}</Link>
            </Button>
          ) : null
        }
      />
      {description ? <p className="max-w-3xl text-sm leading-relaxed">{description}</p> : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title={t("coHostsTitle")} testId="co-hosts">
          {conference.coHosts.length === 0 ? (
            none(t("coHostsNone"))
          ) : (
            <CardContent>
              <ul className="flex flex-col gap-2">
                {conference.coHosts.map((host) => (
                  <li key={host.id} className="flex flex-wrap items-center gap-2">
                    {host.state ? (
                      <>
                        <span className="font-medium">{name(host.state)}</span>
                        <StandingBadge standing={host.state.standing} />
                      </>
                    ) : (
                      <span className="font-medium">
                        {name(host.organisation)}
                        {host.organisation.acronym ? ` (${host.organisation.acronym})` : ""}
                      </span>
                    )}
                    <ProvenanceBadge provenance={host.provenance} />
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </SectionCard>

        <SectionCard
          title={t("outcomeTitle")}
          description={t("outcomeDescription", { months: outcome.windowMonths })}
          testId="outcome"
        >
          <CardContent className="flex flex-col gap-2 text-sm">
            {conference.participants.length === 0 ? (
              <p className="text-muted-foreground">{t("outcomeNoStates")}</p>
            ) : outcome.notYetParties.length === 0 ? (
              <p>{t("outcomeAllParties")}</p>
            ) : (
              <>
                <p className="text-3xl font-semibold tabular-nums" data-testid="outcome-value">
                  {t("outcomeValue", { joined: outcome.joined.length, notYet: outcome.notYetParties.length })}
                </p>
                <p>
                  {t("outcomeSummary", {
                    joined: outcome.joined.length,
                    notYet: outcome.notYetParties.length,
                    start,
                    end: date(outcome.windowEndsOn),
                  })}
                </p>
                {outcome.joinedStates.length > 0 ? (
                  <ul className="list-disc pl-5">
                    {outcome.joinedStates.map((s) => (
                      <li key={s.iso2}>
                        {t("outcomeJoined", {
                          state: name(s),
                          method: s.joinMethod ? tt(`method.${s.joinMethod}`) : "",
                          date: s.depositedOn ? date(s.depositedOn) : "",
                        })}
                      </li>
                    ))}
                  </ul>
                ) : null}
                {outcome.complete ? null : (
                  <p>
                    <Badge tone="warning">{t("outcomeOpen", { end: date(outcome.windowEndsOn) })}</Badge>
                  </p>
                )}
              </>
            )}
          </CardContent>
        </SectionCard>
      </div>

      <SectionCard
        title={t("participantsTitle")}
        description={t("participantsDescription", { date: start })}
        testId="participants"
      >
        {conference.participants.length === 0 ? (
          none(t("participantsNone"))
        ) : (
          <Table data-testid="participants-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("state")}</TableHead>
                <TableHead>{t("standingAt", { date: start })}</TableHead>
                <TableHead>{t("deposited")}</TableHead>
                <TableHead>
                  <span className="sr-only">{t("joinedWithin")}</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {conference.participants.map((p) => (
                <TableRow key={p.iso2} data-testid={`participant-${p.iso2}`}>
                  <TableCell>
                    <span className="font-medium">{name(p)}</span>
                    {p.coHost ? (
                      <Badge tone="info" className="ml-2">
                        {t("coHost")}
                      </Badge>
                    ) : null}
                    <div className="mt-1">
                      <ProvenanceBadge provenance={p.provenance} />
                    </div>
                  </TableCell>
                  <TableCell>
                    <StandingBadge standing={p.standing} />
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {p.depositedOn ? (
                      <>
                        {date(p.depositedOn)}
                        {p.joinMethod ? (
                          <div className="text-xs text-muted-foreground">{tt(`method.${p.joinMethod}`)}</div>
                        ) : null}
                      </>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell>
                    {p.joinedWithinWindow ? <Badge tone="success">{t("joinedWithin")}</Badge> : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </SectionCard>

      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title={t("sessionsTitle")} testId="sessions">
          {conference.sessions.length === 0 ? (
            none(t("sessionsNone"))
          ) : (
            <CardContent>
              <ol className="flex flex-col gap-3">
                {conference.sessions.map((s) => (
                  <li key={s.id} className="text-sm">
                    {localized(s, "theme", locale) ? (
                      <div className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                        {localized(s, "theme", locale)}
                      </div>
                    ) : null}
                    <div className="flex flex-wrap items-center gap-2">
                      <span>{localized(s, "title", locale)}</span>
                      <ProvenanceBadge provenance={s.provenance} />
                    </div>
                  </li>
                ))}
              </ol>
            </CardContent>
          )}
        </SectionCard>

        <SectionCard title={t("organisationsTitle")} testId="organisations">
          {conference.organisations.length === 0 ? (
            none(t("organisationsNone"))
          ) : (
            <CardContent>
              <ul className="flex flex-col gap-2 text-sm">
                {conference.organisations.map((o) => (
                  <li key={o.id} className="flex flex-wrap items-center gap-2">
                    <span className="font-medium">
                      {name(o)}
                      {o.acronym ? ` (${o.acronym})` : ""}
                    </span>
                    <span className="text-muted-foreground">
                      {t(`role.${o.role === "co-host" ? "co-host" : "participant"}`)}
                    </span>
                    <ProvenanceBadge provenance={o.provenance} />
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </SectionCard>

        <SectionCard title={t("outcomesTitle")} testId="outcomes">
          {conference.outcomes.length === 0 ? (
            none(t("outcomesNone"))
          ) : (
            <CardContent>
              <ul className="flex list-disc flex-col gap-2 pl-5 text-sm">
                {conference.outcomes.map((o) => (
                  <li key={o.id}>
                    {localized(o, "text", locale)} <ProvenanceBadge provenance={o.provenance} />
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </SectionCard>

        <SectionCard title={t("documentsTitle")} testId="documents">
          {conference.documents.length === 0 ? (
            none(t("documentsNone"))
          ) : (
            <CardContent>
              <ul className="flex flex-col gap-2 text-sm">
                {conference.documents.map((d) => (
                  <li key={d.id}>
                    {d.url ? (
                      <a href={d.url} className="link" rel="noreferrer">
                        {d.title}
                      </a>
                    ) : (
                      d.title
                    )}
                  </li>
                ))}
              </ul>
            </CardContent>
          )}
        </SectionCard>
      </div>

      {funding ? (
        <SectionCard title={t("fundingTitle")} testId="funding">
          <CardContent className="flex flex-col gap-1 text-sm">
            {funding.kind === "direct" ? (
              <>
                <p className="text-2xl font-semibold tabular-nums" data-testid="direct-cost">
                  <Money amount={funding.amount} currency={funding.currency} locale={locale} />
                </p>
                <p>
                  {t("fundingDirect", {
                    programme: `${funding.allocation.programme.code} (${name(funding.allocation.programme)})`,
                    fy: fiscalYearLabel(funding.allocation.fiscalYear),
                  })}
                </p>
                <p className="text-muted-foreground">{t("fundingDirectNote")}</p>
              </>
            ) : funding.kind === "grant" ? (
              <p>
                <Link href={`/grants/${funding.grant.id}`} className="link">
                  {t("fundingGrant", { reference: funding.grant.reference })}
                </Link>{" "}
                — {localized(funding.grant, "title", locale)} ·{" "}
                <Money amount={funding.grant.totalAmount} currency={funding.grant.currency} locale={locale} />
              </p>
            ) : (
              <p className="text-muted-foreground">{t("fundingNone")}</p>
            )}
          </CardContent>
        </SectionCard>
      ) : null}

      {audit ? (
        <SectionCard title={tl("auditTitle")}>
          <AuditTrail events={audit} />
        </SectionCard>
      ) : null}
    </div>
  );
}
