import { fiscalYearLabel, formatPlace, localized } from "@portal/domain";
import { Breadcrumbs, Button, formatIsoDateRange, PageHeader, ProvenanceBadge, SectionCard } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditTrail } from "@/components/audit-trail";
import { CoHostsCard } from "@/components/conferences/co-hosts-card";
import { ConferenceLists } from "@/components/conferences/conference-lists";
import { FundingCard } from "@/components/conferences/funding-card";
import { OutcomeCard } from "@/components/conferences/outcome-card";
import { ParticipantsCard } from "@/components/conferences/participants-card";
import { getApi } from "@/server/caller";
import { loadConference } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  return { title: localized(await loadConference(id), "title", locale) };
}

export default async function ConferencePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, t, tl, tn, tw, locale, format] = await Promise.all([
    getApi(),
    getTranslations("conferences"),
    getTranslations("ledger"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
    getFormatter(),
  ]);
  const conference = await loadConference(id);
  const audit = conference.permissions.auditTrail ? await api.conferences.auditTrail({ id }) : null;
  const title = localized(conference, "title", locale);
  const description = localized(conference, "description", locale);
  const place = formatPlace({ city: conference.city, countryCode: conference.country.iso2 }, locale);
  const dates = formatIsoDateRange(format, conference.startsOn, conference.endsOn);

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        label={tw("breadcrumbs")}
        items={[{ label: tn("conferences"), href: "/conferences", list: true }, { label: title }]}
      />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {title}
            <ProvenanceBadge provenance={conference.provenance} />
          </span>
        }
        description={`${place} · ${dates} · ${t("fiscalYear", { fy: fiscalYearLabel(conference.fiscalYear) })}`}
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
        <CoHostsCard conference={conference} />
        <OutcomeCard conference={conference} />
      </div>
      <ParticipantsCard conference={conference} />
      <ConferenceLists conference={conference} />
      {conference.funding ? <FundingCard funding={conference.funding} /> : null}
      {audit ? (
        <SectionCard title={tl("auditTitle")}>
          <AuditTrail events={audit} />
        </SectionCard>
      ) : null}
    </div>
  );
}
