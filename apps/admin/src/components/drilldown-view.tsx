import type { AdminRouter } from "@portal/api";
import { cityName, formatFiscalQuarter, type GrantStatus, localized } from "@portal/domain";
import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  FilterSelect,
  Money,
  ProvenanceBadge,
  SectionCard,
  Table,
  TableBody,
  TableCell,
  TableFooter,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import type { inferRouterOutputs } from "@trpc/server";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { periodOf } from "@/budget-links";
import { ExportButtons } from "./export-buttons";

type Outputs = inferRouterOutputs<AdminRouter>;
export type Drilldown = Outputs["budgetReview"]["drilldown"];
type Review = Outputs["budgetReview"]["review"];

const STATUS_TONES: Record<GrantStatus, BadgeTone> = {
  draft: "neutral",
  submitted: "info",
  approved: "info",
  active: "success",
  closing: "warning",
  closed: "neutral",
  cancelled: "danger",
  suspended: "warning",
  terminated: "danger",
};

/**
 * The grants (funding lines), disbursements and conference direct costs behind a budget figure, with the filters
 * that narrow it (partner, quarter) in the URL. `basePath` is the page's own path, `fixed` the query it always keeps.
 */
export async function DrilldownView({
  data,
  review,
  basePath,
  fixed,
  exportQuery,
}: {
  data: Drilldown;
  review: Review;
  basePath: string;
  fixed: Record<string, string>;
  exportQuery: string;
}) {
  const [t, tb, tc, ts, tl, locale, format] = await Promise.all([
    getTranslations("adminBudgets"),
    getTranslations("budgets"),
    getTranslations("common"),
    getTranslations("grantStatus"),
    getTranslations("partialLists"),
    getLocale(),
    getFormatter(),
  ]);
  const money = (amount: number) => <Money amount={amount} currency="CAD" locale={locale} />;
  // The page lists the first rows of each table (the totals and the exports cover every row).
  const rest = (shown: number, total: number) =>
    total > shown ? (
      <p className="px-5 pb-4 text-xs text-muted-foreground">{tl("exportHasAll", { shown, total })}</p>
    ) : null;
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const short = (o: { acronym: string | null; nameEn: string; nameFr: string }) => o.acronym ?? name(o);
  const quarterLabel = (year: number, quarter: number) => formatFiscalQuarter(year, quarter, locale);
  const portal = process.env.PORTAL_URL?.replace(/\/+$/, "");
  const date = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const currentPeriod = data.period ? periodOf(data.period.fiscalYear, data.period.quarter) : "";
  const grantRef = (grant: { id: string; reference: string }) =>
    portal ? (
      <a href={`${portal}/grants/${grant.id}`} className="font-medium link">
        {grant.reference}
      </a>
    ) : (
      <span className="font-medium">{grant.reference}</span>
    );
  const partnerFilterHref = (organisationId: string) => {
    const query = new URLSearchParams({ ...fixed, partner: organisationId });
    if (currentPeriod) query.set("quarter", currentPeriod);
    return `${basePath}?${query.toString()}`;
  };

  return (
    <div className="flex flex-col gap-6">
      <form method="get" action={basePath} className="flex flex-wrap items-end gap-3" aria-label={t("narrow")}>
        {Object.entries(fixed).map(([key, value]) => (
          <input key={key} type="hidden" name={key} value={value} />
        ))}
        <FilterSelect
          name="partner"
          label={t("partner")}
          value={data.organisation?.id}
          allLabel={t("allPartners")}
          options={review.byPartner.map((p) => ({ value: p.organisation.id, label: short(p.organisation) }))}
        />
        <FilterSelect
          name="quarter"
          label={t("quarter")}
          value={currentPeriod}
          allLabel={t("allQuarters")}
          options={review.byQuarter.map((q) => ({ value: q.period, label: quarterLabel(q.fiscalYear, q.quarter) }))}
        />
        <Button type="submit">{t("apply")}</Button>
        {data.organisation || data.period ? (
          <Button asChild variant="ghost">
            <Link href={`${basePath}${Object.keys(fixed).length ? `?${new URLSearchParams(fixed).toString()}` : ""}`}>
              {t("clear")}
            </Link>
          </Button>
        ) : null}
      </form>

      <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4" data-testid="drilldown-summary">
        {data.allocation ? (
          <Summary label={tb("allocated")} testId="summary-allocated">
            {money(data.allocation.amount)}
          </Summary>
        ) : null}
        <Summary label={t("fundedByLines")} testId="summary-funded">
          {money(data.totals.funded)}
        </Summary>
        <Summary label={tb("committed")} testId="summary-committed">
          {money(data.totals.committedWithDirectCosts)}
        </Summary>
        <Summary label={data.period ? t("disbursedInQuarter") : tb("disbursed")} testId="summary-disbursed">
          {money(data.totals.disbursedWithDirectCosts)}
        </Summary>
      </dl>

      <Card>
        <CardHeader row className="flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1">
            <CardTitle>{t("grantsTitle")}</CardTitle>
            <CardDescription>{t("grantsDescription")}</CardDescription>
          </div>
          <ExportButtons
            href={`/api/exports/budget-grants?${exportQuery}`}
            label={t("exportGrants")}
            testId="export-grants"
          />
        </CardHeader>
        {data.grants.length === 0 ? (
          <CardContent>
            <EmptyState title={t("noGrants")} />
          </CardContent>
        ) : (
          <Table data-testid="drilldown-grants">
            <TableHeader>
              <TableRow>
                <TableHead>{t("grant")}</TableHead>
                <TableHead>{t("partner")}</TableHead>
                <TableHead>{tb("programme")}</TableHead>
                <TableHead>{t("status")}</TableHead>
                <TableHead numeric>{t("fundingLine")}</TableHead>
                <TableHead numeric>{tb("committed")}</TableHead>
                <TableHead numeric>{tb("disbursed")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.grants.map((line) => (
                <TableRow
                  key={line.fundingLineId}
                  data-testid={`drilldown-grant-${line.grant.reference}-${line.programmeCode}`}
                >
                  <TableCell>
                    {grantRef(line.grant)}
                    <div className="text-xs text-muted-foreground">{localized(line.grant, "title", locale)}</div>
                    <div className="mt-1">
                      <ProvenanceBadge provenance={line.grant.provenance} />
                    </div>
                  </TableCell>
                  <TableCell>
                    <Link href={partnerFilterHref(line.recipient.id)} className="link">
                      {short(line.recipient)}
                    </Link>
                  </TableCell>
                  <TableCell>{line.programmeCode}</TableCell>
                  <TableCell>
                    <Badge tone={STATUS_TONES[line.grant.status]}>{ts(line.grant.status)}</Badge>
                  </TableCell>
                  <TableCell numeric>{money(line.amount)}</TableCell>
                  <TableCell numeric>{money(line.committed)}</TableCell>
                  <TableCell numeric>{money(line.disbursed)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={4}>{tc("total")}</TableCell>
                <TableCell numeric>{money(data.totals.funded)}</TableCell>
                <TableCell numeric>{money(data.totals.committed)}</TableCell>
                <TableCell numeric>{money(data.totals.linesDisbursed)}</TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        )}
        {rest(data.grants.length, data.grantCount)}
      </Card>

      <Card>
        <CardHeader row className="flex-wrap items-start justify-between gap-3">
          <div className="flex flex-col gap-1">
            <CardTitle>{t("disbursementsTitle")}</CardTitle>
            <CardDescription>{t("disbursementsDescription")}</CardDescription>
          </div>
          <ExportButtons
            href={`/api/exports/budget-disbursements?${exportQuery}`}
            label={t("exportDisbursements")}
            testId="export-disbursements"
          />
        </CardHeader>
        {data.disbursements.length === 0 ? (
          <CardContent>
            <EmptyState title={t("noDisbursements")} />
          </CardContent>
        ) : (
          <Table data-testid="drilldown-disbursements">
            <TableHeader>
              <TableRow>
                <TableHead>{t("paidOn")}</TableHead>
                <TableHead>{t("quarter")}</TableHead>
                <TableHead>{t("grant")}</TableHead>
                <TableHead>{t("partner")}</TableHead>
                <TableHead>{t("reference")}</TableHead>
                <TableHead>{tb("programme")}</TableHead>
                <TableHead numeric>{t("amountCad")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.disbursements.map((payment) => (
                <TableRow key={payment.id} data-testid="drilldown-disbursement">
                  <TableCell className="whitespace-nowrap">{date(payment.paidOn)}</TableCell>
                  <TableCell className="whitespace-nowrap">
                    {quarterLabel(payment.fiscalYear, payment.fiscalQuarter)}
                  </TableCell>
                  <TableCell>{grantRef(payment.grant)}</TableCell>
                  <TableCell>{short(payment.recipient)}</TableCell>
                  <TableCell>
                    <span className="font-mono text-xs">{payment.reference}</span>
                    {payment.reversesId ? (
                      <div>
                        <Badge tone="warning">{t("reversal")}</Badge>
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>{payment.programmeCode}</TableCell>
                  <TableCell numeric>
                    {money(payment.amountCad)}
                    {payment.currency !== "CAD" ? (
                      <div className="text-xs text-muted-foreground">
                        <Money amount={payment.amount} currency={payment.currency} locale={locale} />
                      </div>
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
            <TableFooter>
              <TableRow>
                <TableCell colSpan={6}>{tc("total")}</TableCell>
                <TableCell numeric data-testid="disbursements-total">
                  {money(data.totals.disbursements)}
                </TableCell>
              </TableRow>
            </TableFooter>
          </Table>
        )}
        {rest(data.disbursements.length, data.disbursementCount)}
      </Card>

      {data.organisation ? null : (
        <SectionCard anchor="direct-costs" title={t("directCostsTitle")} description={t("directCostsDescription")}>
          {data.directCosts.length === 0 ? (
            <CardContent>
              <EmptyState title={t("noDirectCosts")} />
            </CardContent>
          ) : (
            <Table data-testid="drilldown-direct-costs">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("conference")}</TableHead>
                  <TableHead>{t("dates")}</TableHead>
                  <TableHead>{t("quarter")}</TableHead>
                  <TableHead>{tb("programme")}</TableHead>
                  <TableHead numeric>{t("directCost")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.directCosts.map((cost) => (
                  <TableRow key={cost.id}>
                    <TableCell>
                      <span className="font-medium">{localized(cost, "title", locale)}</span>
                      <div className="text-xs text-muted-foreground">
                        {cityName(cost.city, locale)}, {localized(cost, "countryName", locale)}
                      </div>
                      <div className="mt-1">
                        <ProvenanceBadge provenance={cost.provenance} />
                      </div>
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {format.dateTimeRange(
                        new Date(`${cost.startsOn}T12:00:00Z`),
                        new Date(`${cost.endsOn}T12:00:00Z`),
                        {
                          dateStyle: "medium",
                          timeZone: "UTC",
                        },
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {quarterLabel(cost.fiscalYear, cost.fiscalQuarter)}
                    </TableCell>
                    <TableCell>{cost.programmeCode}</TableCell>
                    <TableCell numeric>{money(cost.directCost)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
              <TableFooter>
                <TableRow>
                  <TableCell colSpan={4}>{tc("total")}</TableCell>
                  <TableCell numeric>{money(data.totals.directCosts)}</TableCell>
                </TableRow>
              </TableFooter>
            </Table>
          )}
        </SectionCard>
      )}
    </div>
  );
}

function Summary({ label, testId, children }: { label: string; testId: string; children: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-border bg-card px-4 py-3 shadow-sm" data-testid={testId}>
      <dt className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-lg font-semibold tabular-nums">{children}</dd>
    </div>
  );
}
