import { localized } from "@portal/domain";
import {
  Badge,
  Button,
  CardContent,
  EmptyState,
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
  FigureCards,
  IsoDate,
  PaymentStatusBadge,
  ReportStatusBadge,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { isoDateToDate } from "@/components/dashboard/dates";
import { ExportDownload } from "@/components/exports/export-download";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("partner");
  return { title: t("title") };
}

export default async function PartnerWorkspacePage() {
  const session = await getSession();
  if (session && session.user.role !== "partner") redirect("/dashboard");
  const [api, t, tg, tl, locale, format] = await Promise.all([
    getApi(),
    getTranslations("partner"),
    getTranslations("grants"),
    getTranslations("partialLists"),
    getLocale(),
    getFormatter(),
  ]);
  const data = await api.dashboard.partner();
  const date = (iso: string) => format.dateTime(isoDateToDate(iso), { dateStyle: "medium", timeZone: "UTC" });
  const title = (row: { titleEn: string; titleFr: string }) => localized(row, "title", locale);
  const money = (amount: number, currency: string) => <Money amount={amount} currency={currency} locale={locale} />;
  const totals = (rows: { amount: number; currency: string }[]) =>
    rows.length === 0
      ? money(0, "CAD")
      : rows.map((row, index) => (
          <span key={row.currency}>
            {index > 0 ? " + " : null}
            {money(row.amount, row.currency)}
          </span>
        ));
  const orgNames = data.organisations.map((o) => localized(o, "name", locale)).join(", ");
  // The workspace lists the first rows of each list; a line under a list says how many there are in all.
  const rest = (shown: number, total: number, text: string) =>
    total > shown ? <p className="px-5 pb-4 text-xs text-muted-foreground">{text}</p> : null;
  const none = (text: string) => (
    <CardContent>
      <EmptyState title={text} />
    </CardContent>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={orgNames || t("title")} description={t("description")} />
      <FigureCards
        figures={[
          { key: "funding", value: totals(data.funding) },
          { key: "received", value: totals(data.received.totals) },
          { key: "upcoming", value: totals(data.upcoming.totals) },
          { key: "reportsDue", value: String(data.reportsDue) },
        ].map((item) => ({ label: t(`summary.${item.key}`), value: item.value, testId: `summary-${item.key}` }))}
      />

      <SectionCard
        id="reports"
        testId="partner-reports"
        title={t("reports.title")}
        description={t("reports.description")}
      >
        {data.reports.length === 0 ? (
          none(t("reports.empty"))
        ) : (
          <Table className="relative">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.report")}</TableHead>
                <TableHead>{t("columns.grant")}</TableHead>
                <TableHead>{t("columns.dueOn")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead className="sr-only">{t("columns.action")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.reports.map((r) => (
                <TableRow key={r.id} data-testid={`report-${r.reference}-${r.kind}-${r.stage}`}>
                  <TableCell className="font-medium">
                    {tg(`reportKind.${r.kind}`)} · {tg(`reportStage.${r.stage}`)}
                  </TableCell>
                  <TableCell>
                    <Link href={`/grants/${r.grantId}`} className="link">
                      {r.reference}
                    </Link>
                    <div className="text-xs text-muted-foreground">{title(r)}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <IsoDate value={r.dueOn} />
                  </TableCell>
                  <TableCell>
                    <ReportStatusBadge status={r.status} overdue={r.overdue} overdueLabel={t("reports.overdue")} />
                    {r.status === "changes_requested" && r.lastResponse ? (
                      <div className="mt-1 max-w-sm text-xs text-muted-foreground">
                        {t("reports.lastResponse", { response: r.lastResponse })}
                      </div>
                    ) : null}
                  </TableCell>
                  <TableCell>
                    <Button
                      asChild
                      size="sm"
                      variant={r.status === "open" || r.status === "changes_requested" ? "default" : "outline"}
                    >
                      <Link href={`/reports/${r.id}`}>
                        {r.status === "open" || r.status === "changes_requested"
                          ? t("reports.submit")
                          : t("reports.open")}
                      </Link>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        {rest(
          data.reports.length,
          data.reportCount,
          tl("shown", { shown: data.reports.length, total: data.reportCount }),
        )}
      </SectionCard>

      <SectionCard id="grants" testId="partner-grants" title={t("grants.title")} description={t("grants.description")}>
        {data.grants.length === 0 ? (
          none(t("grants.empty"))
        ) : (
          <CardContent className="flex flex-col gap-4">
            {data.grants.map((grant) => (
              <article
                key={grant.id}
                className="rounded-md border border-border p-4"
                aria-labelledby={`grant-${grant.id}`}
                data-testid={`partner-grant-${grant.reference}`}
              >
                <div className="flex flex-wrap items-start justify-between gap-3">
                  <div className="flex flex-col gap-1">
                    <h3 id={`grant-${grant.id}`} className="font-semibold">
                      <Link href={`/grants/${grant.id}`} className="link">
                        {title(grant)}
                      </Link>
                    </h3>
                    <p className="text-xs text-muted-foreground">
                      {grant.reference} · {t("grants.period", { start: date(grant.startsOn), end: date(grant.endsOn) })}
                    </p>
                  </div>
                  <div className="flex items-center gap-2">
                    <GrantStatusBadge status={grant.status} audience="partner" />
                    <ProvenanceBadge provenance={grant.provenance} />
                  </div>
                </div>
                <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
                  <div>
                    <dt className="text-muted-foreground">{t("grants.total")}</dt>
                    <dd className="font-medium tabular-nums">{money(grant.totalAmount, grant.currency)}</dd>
                  </div>
                  <div>
                    <dt className="text-muted-foreground">{t("grants.received")}</dt>
                    <dd className="font-medium tabular-nums">{money(grant.disbursed, grant.currency)}</dd>
                  </div>
                  <div>
                    <dt className="text-muted-foreground">{t("grants.toCome")}</dt>
                    <dd className="font-medium tabular-nums">
                      {money(grant.totalAmount - grant.disbursed, grant.currency)}
                    </dd>
                  </div>
                </dl>
                {grant.components.length > 0 ? (
                  <div className="mt-3">
                    <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                      {t("grants.funds")}
                    </h4>
                    <ul className="divide-y divide-border text-sm">
                      {grant.components.map((c) => (
                        <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                          <span>
                            {localized(c, "title", locale)}
                            {localized(c, "description", locale) ? (
                              <span className="block text-xs text-muted-foreground">
                                {localized(c, "description", locale)}
                              </span>
                            ) : null}
                          </span>
                          <span className="tabular-nums">{money(c.amount, grant.currency)}</span>
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
              </article>
            ))}
          </CardContent>
        )}
        {rest(
          data.grants.length,
          data.grantCount,
          tl("grantsRest", { shown: data.grants.length, total: data.grantCount }),
        )}
      </SectionCard>

      <SectionCard
        id="payments"
        testId="partner-payments"
        title={t("payments.title")}
        description={t("payments.description")}
        actions={
          data.received.rows.length + data.upcoming.rows.length > 0 ? (
            <ExportDownload href="/api/exports/payments" testId="export-payments" />
          ) : null
        }
      >
        <div className="grid grid-cols-1 gap-0 lg:grid-cols-2 lg:divide-x lg:divide-border">
          <div>
            <h3 className="px-5 pt-4 text-sm font-semibold">{t("payments.received")}</h3>
            {data.received.rows.length === 0 ? (
              none(t("payments.receivedEmpty"))
            ) : (
              <Table className="relative" data-testid="received-table">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.paidOn")}</TableHead>
                    <TableHead>{t("columns.grant")}</TableHead>
                    <TableHead numeric>{t("columns.amount")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.received.rows.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell className="whitespace-nowrap">
                        <IsoDate value={d.paidOn} />
                      </TableCell>
                      <TableCell>
                        <Link href={`/grants/${d.grantId}`} className="link">
                          {d.reference}
                        </Link>
                        <div className="text-xs text-muted-foreground">
                          {d.paymentReference}{" "}
                          {d.isReversal ? <Badge tone="warning">{t("payments.reversal")}</Badge> : null}
                        </div>
                      </TableCell>
                      <TableCell numeric>{money(d.amount, d.currency)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {rest(
              data.received.rows.length,
              data.received.total,
              tl("paymentsRest", { shown: data.received.rows.length, total: data.received.total }),
            )}
          </div>
          <div>
            <h3 className="px-5 pt-4 text-sm font-semibold">{t("payments.upcoming")}</h3>
            {data.upcoming.rows.length === 0 ? (
              none(t("payments.upcomingEmpty"))
            ) : (
              <Table className="relative" data-testid="upcoming-table">
                <TableHeader>
                  <TableRow>
                    <TableHead>{t("columns.dueOn")}</TableHead>
                    <TableHead>{t("columns.instalment")}</TableHead>
                    <TableHead numeric>{t("columns.amount")}</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.upcoming.rows.map((p) => (
                    <TableRow key={p.id}>
                      <TableCell className="whitespace-nowrap">
                        <IsoDate value={p.dueOn} />
                      </TableCell>
                      <TableCell>
                        <Link href={`/grants/${p.grantId}`} className="link">
                          {p.reference}
                        </Link>{" "}
                        <span className="text-xs text-muted-foreground">#{p.sequence}</span>
                        <div className="text-xs text-muted-foreground">{localized(p, "description", locale)}</div>
                        <PaymentStatusBadge status={p.status} audience="partner" />
                      </TableCell>
                      <TableCell numeric>{money(p.amount, p.currency)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
            {rest(
              data.upcoming.rows.length,
              data.upcoming.total,
              tl("upcomingRest", { shown: data.upcoming.rows.length, total: data.upcoming.total }),
            )}
          </div>
        </div>
      </SectionCard>
    </div>
  );
}
