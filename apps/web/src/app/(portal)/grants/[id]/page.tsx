import { formatMoney, localized } from "@portal/domain";
import {
  Button,
  CardContent,
  FigureCards,
  GrantStatusBadge,
  intlLocale,
  IsoDate,
  Money,
  PageHeader,
  ProvenanceBadge,
  SectionCard,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { AuditTrail } from "@/components/audit-trail";
import { GrantAmendments } from "@/components/amendments/grant-amendments";
import { ComponentsCard } from "@/components/grant-detail/components-card";
import { DisbursementsCard } from "@/components/grant-detail/disbursements-card";
import { FundingLinesCard } from "@/components/grant-detail/funding-lines-card";
import { ReportsCard } from "@/components/grant-detail/reports-card";
import { ScheduleCard } from "@/components/grant-detail/schedule-card";
import { IatiPublication } from "@/components/iati/iati-publication";
import { GrantTransitions } from "@/components/ledger/grant-transitions";
import { ReadOnlyNotice } from "@/components/officer-scope/read-only-notice";
import { getApi, getSession } from "@/server/caller";
import { loadGrant } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  const grant = await loadGrant(id);
  return { title: `${grant.reference} · ${localized(grant, "title", locale)}` };
}

export default async function GrantPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, session, t, tl, locale] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("grants"),
    getTranslations("ledger"),
    getLocale(),
  ]);
  const grant = await loadGrant(id);
  const audit = grant.permissions.auditTrail ? await api.grants.auditTrail({ id }) : null;
  const attachments = await api.attachments.forGrant({ grantId: id });
  const isPartner = session?.user.role === "partner";
  const iati = isPartner ? null : await api.iati.grantStatus({ grantId: id });
  const money = (amount: number) => <Money amount={amount} currency={grant.currency} locale={locale} />;
  const purpose = localized(grant, "purpose", locale);

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {localized(grant, "title", locale)}
            <GrantStatusBadge status={grant.status} audience={isPartner ? "partner" : "staff"} />
            <ProvenanceBadge provenance={grant.provenance} />
          </span>
        }
        description={`${grant.reference} · ${localized(grant.recipient, "name", locale)}${grant.recipient.acronym ? ` (${grant.recipient.acronym})` : ""}`}
        actions={
          grant.permissions.edit ? (
            <Button asChild variant="outline">
              <Link href={`/grants/${grant.id}/edit`}>{tl("edit")}</Link>
            </Button>
          ) : null
        }
      />
      <ReadOnlyNotice reason={grant.readOnlyReason} />
      <GrantTransitions grantId={grant.id} actions={grant.availableActions} />

      <p className="text-sm text-muted-foreground">
        {t("period")}: <IsoDate value={grant.startsOn} /> – <IsoDate value={grant.endsOn} />
      </p>
      <FigureCards
        figures={[
          { label: t("amount"), value: money(grant.totalAmount), testId: "grant-total" },
          { label: tl("committed"), value: money(grant.budget.committed), testId: "grant-committed" },
          { label: t("disbursed"), value: money(grant.disbursed), testId: "grant-disbursed" },
          { label: t("remaining"), value: money(grant.remainingToPay), testId: "grant-remaining" },
        ]}
      />
      {grant.currency !== "CAD" ? (
        <p className="text-sm text-muted-foreground" data-testid="exchange-rate">
          {t("exchangeRate", {
            rate: grant.exchangeRateToCad,
            cad: formatMoney(grant.totalAmountCad, "CAD", intlLocale(locale)),
          })}
        </p>
      ) : null}
      {purpose ? (
        <SectionCard title={t("purpose")}>
          <CardContent className="text-sm leading-relaxed">{purpose}</CardContent>
        </SectionCard>
      ) : null}
      {grant.leadOfficerName && !isPartner ? (
        <p className="text-sm">
          <span className="text-muted-foreground">{t("leadOfficer")}:</span> {grant.leadOfficerName}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <ComponentsCard grant={grant} />
        <FundingLinesCard grant={grant} />
      </div>
      <ScheduleCard grant={grant} isPartner={isPartner} />
      <DisbursementsCard grant={grant} />
      <ReportsCard grant={grant} attachments={attachments} />

      <GrantAmendments grantId={grant.id} />
      {iati ? <IatiPublication grantId={grant.id} status={iati} /> : null}
      {audit ? (
        <SectionCard title={tl("auditTitle")}>
          <AuditTrail events={audit} />
        </SectionCard>
      ) : null}
    </div>
  );
}
