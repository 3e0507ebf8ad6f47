import { fiscalYearLabel, formatMoney, localized } from "@portal/domain";
import {
  Badge,
  Button,
  CardContent,
  intlLocale,
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
  FigureCards,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { AddRequirementForm } from "@/components/ledger/add-requirement-form";
import { ApplyHolds } from "@/components/ledger/apply-holds";
import { GrantTransitions } from "@/components/ledger/grant-transitions";
import { PaymentActions } from "@/components/ledger/payment-actions";
import { RequirementActions } from "@/components/ledger/requirement-actions";
import { RequirementReportLink } from "@/components/attachments/requirement-report-link";
import { ReverseDisbursement } from "@/components/ledger/reverse-disbursement";
import { SchedulePaymentForm } from "@/components/ledger/schedule-payment-form";
import { UnscheduledPaymentForm } from "@/components/ledger/unscheduled-payment-form";
import { AuditTrail } from "@/components/audit-trail";
import { IatiPublication } from "@/components/iati/iati-publication";
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
  const [api, session, t, tl, tr, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("grants"),
    getTranslations("ledger"),
    getTranslations("ledgerRules"),
    getLocale(),
    getFormatter(),
  ]);
  const grant = await loadGrant(id);
  const audit = grant.permissions.auditTrail ? await api.grants.auditTrail({ id }) : null;
  const attachments = await api.attachments.forGrant({ grantId: id });
  const isPartner = session?.user.role === "partner";
  const iati = isPartner ? null : await api.iati.grantStatus({ grantId: id });
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const money = (amount: number, currency = grant.currency) => (
    <Money amount={amount} currency={currency} locale={locale} />
  );
  const none = <CardContent className="text-sm text-muted-foreground">{t("none")}</CardContent>;
  const lineOptions = grant.fundingLines.map((line) => ({
    id: line.id,
    label: `${line.programme.code} ${fiscalYearLabel(line.fiscalYear)}`,
    remaining: line.remaining,
  }));
  const remaining = grant.totalAmount - grant.disbursed;
  const holdsNeeded = grant.scheduledPayments.filter(
    (p) => p.blockedByReport && (p.status === "planned" || p.status === "due" || p.status === "approved"),
  ).length;

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href="/grants" className="text-sm link">
          ← {t("backToList")}
        </Link>
      </div>
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
        {t("period")}: {date(grant.startsOn)} – {date(grant.endsOn)}
      </p>
      <FigureCards
        figures={[
          { label: t("amount"), value: money(grant.totalAmount), testId: "grant-total" },
          { label: tl("committed"), value: money(grant.budget.committed), testId: "grant-committed" },
          { label: t("disbursed"), value: money(grant.disbursed), testId: "grant-disbursed" },
          { label: t("remaining"), value: money(remaining), testId: "grant-remaining" },
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
      {localized(grant, "purpose", locale) ? (
        <SectionCard title={t("purpose")}>
          <CardContent className="text-sm leading-relaxed">{localized(grant, "purpose", locale)}</CardContent>
        </SectionCard>
      ) : null}
      {grant.leadOfficerName && !isPartner ? (
        <p className="text-sm">
          <span className="text-muted-foreground">{t("leadOfficer")}:</span> {grant.leadOfficerName}
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <SectionCard title={t("components")} description={t("componentsDescription")}>
          {grant.components.length === 0 ? (
            none
          ) : (
            <Table data-testid="components-table">
              <TableBody>
                {grant.components.map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <div className="font-medium">{localized(c, "title", locale)}</div>
                      {localized(c, "description", locale) ? (
                        <div className="text-xs text-muted-foreground">{localized(c, "description", locale)}</div>
                      ) : null}
                      <ProvenanceBadge provenance={c.provenance} />
                    </TableCell>
                    <TableCell numeric>{money(c.amount)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell>{t("amount")}</TableCell>
                  <TableCell numeric>{money(grant.components.reduce((sum, c) => sum + c.amount, 0))}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          )}
        </SectionCard>
        <SectionCard title={t("fundingLines")} description={t("fundingLinesDescription")}>
          {grant.fundingLines.length === 0 ? (
            none
          ) : (
            <Table data-testid="funding-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("programme")}</TableHead>
                  <TableHead>{t("fiscalYear")}</TableHead>
                  <TableHead numeric>{t("amount")}</TableHead>
                  <TableHead numeric>{t("disbursed")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {grant.fundingLines.map((line) => (
                  <TableRow key={line.id}>
                    <TableCell>
                      <span className="font-medium">{line.programme.code}</span>
                      <div className="text-xs text-muted-foreground">{localized(line.programme, "name", locale)}</div>
                    </TableCell>
                    <TableCell>{fiscalYearLabel(line.fiscalYear)}</TableCell>
                    <TableCell numeric>{money(line.amount, "CAD")}</TableCell>
                    <TableCell numeric>{money(line.disbursed, "CAD")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </SectionCard>
      </div>

      <SectionCard title={t("schedule")}>
        {grant.permissions.refreshHolds && holdsNeeded > 0 ? (
          <ApplyHolds grantId={grant.id} count={holdsNeeded} />
        ) : null}
        {grant.scheduledPayments.length === 0 ? (
          none
        ) : (
          <Table data-testid="schedule-table">
            <TableHeader>
              <TableRow>
                <TableHead>#</TableHead>
                <TableHead>{t("dueOn")}</TableHead>
                <TableHead>{t("purpose")}</TableHead>
                <TableHead numeric>{t("amount")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                {isPartner ? null : <TableHead className="sr-only">{tl("actionsTitle")}</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grant.scheduledPayments.map((p) => (
                <TableRow key={p.id} data-testid={`payment-row-${p.sequence}`}>
                  <TableCell>{p.sequence}</TableCell>
                  <TableCell>{date(p.dueOn)}</TableCell>
                  <TableCell>{localized(p, "description", locale)}</TableCell>
                  <TableCell numeric>{money(p.amount)}</TableCell>
                  <TableCell>
                    <Badge tone={p.status === "paid" ? "success" : p.status === "on_hold" ? "warning" : "neutral"}>
                      {t(`paymentStatus.${p.status}`)}
                    </Badge>
                  </TableCell>
                  {isPartner ? null : (
                    <TableCell>
                      <PaymentActions
                        payment={{
                          id: p.id,
                          status: p.status,
                          amount: p.amount,
                          label: String(p.sequence),
                          availableActions: p.availableActions,
                          canPay: p.canPay,
                          blocked: p.blocked,
                        }}
                        grantId={grant.id}
                        currency={grant.currency}
                        remaining={remaining}
                        fundingLines={lineOptions}
                      />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {grant.permissions.schedulePayment ? (
          <CardContent className="border-t border-border">
            <h3 className="mb-3 text-sm font-semibold">{tl("scheduleTitle")}</h3>
            <SchedulePaymentForm
              grantId={grant.id}
              currency={grant.currency}
              requirements={grant.reportingRequirements.map((r) => ({
                id: r.id,
                label: `${t(`reportKind.${r.kind}`)} · ${t(`reportStage.${r.stage}`)} · ${date(r.dueOn)}`,
              }))}
            />
          </CardContent>
        ) : null}
      </SectionCard>

      <SectionCard title={t("disbursements")}>
        {grant.disbursements.length === 0 ? (
          none
        ) : (
          <Table data-testid="disbursements-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("paidOn")}</TableHead>
                <TableHead>{t("quarter")}</TableHead>
                <TableHead>{t("reference")}</TableHead>
                <TableHead numeric>{t("amount")}</TableHead>
                {grant.permissions.reverseDisbursement ? (
                  <TableHead className="sr-only">{tl("actionsTitle")}</TableHead>
                ) : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {grant.disbursements.map((d) => (
                <TableRow key={d.id}>
                  <TableCell>{date(d.paidOn)}</TableCell>
                  <TableCell>{tl("fiscalPeriod", { fy: fiscalYearLabel(d.fiscalYear), q: d.fiscalQuarter })}</TableCell>
                  <TableCell>
                    {d.reference} {d.reversesId ? <Badge tone="warning">{t("reversal")}</Badge> : null}
                    {d.reason ? <div className="text-xs text-muted-foreground">{d.reason}</div> : null}
                  </TableCell>
                  <TableCell numeric>{money(d.amount, d.currency)}</TableCell>
                  {grant.permissions.reverseDisbursement ? (
                    <TableCell>
                      {d.amount > 0 && !d.reversedById ? <ReverseDisbursement disbursementId={d.id} /> : null}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {grant.permissions.reversalsClosed && grant.disbursements.length > 0 ? (
          <CardContent className="border-t border-border">
            <p className="text-sm text-muted-foreground" data-testid="reversals-closed">
              {tr("reversalsClosed")}
            </p>
          </CardContent>
        ) : null}
        {grant.permissions.requestUnscheduledPayment ? (
          <CardContent className="border-t border-border">
            <h3 className="mb-3 text-sm font-semibold">{tr("unscheduled.title")}</h3>
            <UnscheduledPaymentForm grantId={grant.id} currency={grant.currency} />
          </CardContent>
        ) : null}
      </SectionCard>

      <SectionCard title={t("reports")}>
        {grant.reportingRequirements.length === 0 ? (
          none
        ) : (
          <Table data-testid="reports-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("kind")}</TableHead>
                <TableHead>{t("stage")}</TableHead>
                <TableHead>{t("dueOn")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead className="sr-only">{tl("actionsTitle")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {grant.reportingRequirements.map((r) => {
                const latest = r.submissions.at(-1);
                return (
                  <TableRow key={r.id} data-testid={`requirement-${r.kind}-${r.stage}`}>
                    <TableCell>{t(`reportKind.${r.kind}`)}</TableCell>
                    <TableCell>{t(`reportStage.${r.stage}`)}</TableCell>
                    <TableCell>{date(r.dueOn)}</TableCell>
                    <TableCell>
                      <Badge tone={r.status === "accepted" ? "success" : r.overdue ? "danger" : "neutral"}>
                        {t(`requirementStatus.${r.status}`)}
                      </Badge>
                      {r.waivedReason ? <div className="text-xs text-muted-foreground">{r.waivedReason}</div> : null}
                      {latest?.response ? <div className="text-xs text-muted-foreground">{latest.response}</div> : null}
                    </TableCell>
                    <TableCell>
                      <RequirementReportLink
                        requirementId={r.id}
                        canSubmit={r.availableActions.includes("submit")}
                        submissions={r.submissions.length}
                        attachments={attachments.filter((a) => a.requirementId === r.id)}
                      />
                      <RequirementActions
                        requirementId={r.id}
                        actions={r.availableActions.filter((a) => a !== "submit")}
                      />
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
        {grant.permissions.addRequirement ? (
          <CardContent className="border-t border-border">
            <AddRequirementForm grantId={grant.id} />
          </CardContent>
        ) : null}
      </SectionCard>

      {iati ? <IatiPublication grantId={grant.id} status={iati} /> : null}
      {audit ? (
        <SectionCard title={tl("auditTitle")}>
          <AuditTrail events={audit} />
        </SectionCard>
      ) : null}
    </div>
  );
}
