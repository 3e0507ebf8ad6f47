import { localized } from "@portal/domain";
import {
  Badge,
  Button,
  Card,
  IsoDate,
  isoDateToDate,
  Money,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DashboardSection } from "@/components/dashboard/section";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

function GrantCell({ id, reference, title }: { id: string; reference: string; title: string }) {
  return (
    <TableCell>
      <Link href={`/grants/${id}`} className="font-medium link">
        {reference}
      </Link>
      <div className="text-xs text-muted-foreground">{title}</div>
    </TableCell>
  );
}

export default async function DashboardPage() {
  const session = await getSession();
  if (session?.user.role === "partner") redirect("/partner");
  const [api, t, tg, tr, locale, format] = await Promise.all([
    getApi(),
    getTranslations("dashboard"),
    getTranslations("grants"),
    getTranslations("ledgerRules"),
    getLocale(),
    getFormatter(),
  ]);
  const data = await api.dashboard.officer();
  const date = (iso: string) => <IsoDate value={iso} />;
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "medium" }) : "—");
  const title = (row: { titleEn: string; titleFr: string }) => localized(row, "title", locale);
  const recipient = (row: { recipientAcronym: string | null; recipientNameEn: string; recipientNameFr: string }) =>
    row.recipientAcronym ?? localized(row, "recipientName", locale);
  const money = (amount: number, currency: string) => <Money amount={amount} currency={currency} locale={locale} />;
  const more = (shown: number, total: number) => t("more", { shown, total });
  const report = (r: { kind: "narrative" | "financial"; stage: "interim" | "final" }) =>
    `${tg(`reportKind.${r.kind}`)} · ${tg(`reportStage.${r.stage}`)}`;

  const summary = [
    { id: "approvals", label: t("approvals.title"), total: data.approvals.total },
    { id: "payments", label: t("payments.title"), total: data.payments.total },
    { id: "overdue", label: t("overdue.title"), total: data.overdueReports.total },
    { id: "review", label: t("review.title"), total: data.reportsToReview.total },
    { id: "ending", label: t("ending.title", { days: data.endingSoonDays }), total: data.endingSoon.total },
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", {
          date: format.dateTime(isoDateToDate(data.today), { dateStyle: "medium", timeZone: "UTC" }),
        })}
      />
      <nav aria-label={t("summaryLabel")}>
        <ul className="grid grid-cols-2 gap-3 md:grid-cols-3 xl:grid-cols-5">
          {summary.map((item) => (
            <li key={item.id}>
              <Card className="h-full">
                <a
                  href={`#${item.id}`}
                  className="flex h-full flex-col gap-1 rounded-lg px-4 py-3 hover:bg-muted/50 focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                  data-testid={`summary-${item.id}`}
                >
                  <span className="text-2xl font-semibold tabular-nums">{item.total}</span>
                  <span className="text-sm text-muted-foreground">{item.label}</span>
                </a>
              </Card>
            </li>
          ))}
        </ul>
      </nav>

      <DashboardSection
        id="approvals"
        title={t("approvals.title")}
        description={t("approvals.description")}
        total={data.approvals.total}
        shown={data.approvals.rows.length}
        empty={t("approvals.empty")}
        more={more(data.approvals.rows.length, data.approvals.total)}
      >
        <Table className="relative">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.grant")}</TableHead>
              <TableHead>{t("columns.recipient")}</TableHead>
              <TableHead numeric>{t("columns.amount")}</TableHead>
              <TableHead>{t("columns.submittedOn")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.approvals.rows.map((row) => (
              <TableRow key={row.grantId} data-testid={`approval-${row.reference}`}>
                <GrantCell id={row.grantId} reference={row.reference} title={title(row)} />
                <TableCell>{recipient(row)}</TableCell>
                <TableCell numeric>{money(row.totalAmount, row.currency)}</TableCell>
                <TableCell>{when(row.submittedAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DashboardSection>

      <DashboardSection
        id="payments"
        title={t("payments.title")}
        description={t("payments.description")}
        total={data.payments.total}
        shown={data.payments.rows.length}
        empty={t("payments.empty")}
        more={more(data.payments.rows.length, data.payments.total)}
      >
        <Table className="relative">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.grant")}</TableHead>
              <TableHead>{t("columns.instalment")}</TableHead>
              <TableHead>{t("columns.dueOn")}</TableHead>
              <TableHead numeric>{t("columns.amount")}</TableHead>
              <TableHead>{t("columns.needs")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.payments.rows.map((row) => (
              <TableRow key={row.paymentId} data-testid={`payment-${row.reference}-${row.sequence}`}>
                <GrantCell id={row.grantId} reference={row.reference} title={recipient(row)} />
                <TableCell>
                  <span className="font-medium">#{row.sequence}</span>{" "}
                  <span className="text-muted-foreground">{localized(row, "description", locale)}</span>
                </TableCell>
                <TableCell className="whitespace-nowrap">{date(row.dueOn)}</TableCell>
                <TableCell numeric>{money(row.amount, row.currency)}</TableCell>
                <TableCell>
                  {row.needs === "blocked" ? (
                    <div className="flex flex-col gap-1">
                      <Badge tone="warning">{tr("dashboardBlocked")}</Badge>
                      {row.blockedBy ? (
                        <span className="text-xs text-muted-foreground">{tr(`blocked.${row.blockedBy}`)}</span>
                      ) : null}
                    </div>
                  ) : (
                    <Badge tone={row.needs === "payment" ? "success" : row.needs === "approval" ? "info" : "neutral"}>
                      {t(`needs.${row.needs}`)}
                    </Badge>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DashboardSection>

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        <DashboardSection
          id="overdue"
          title={t("overdue.title")}
          description={t("overdue.description")}
          total={data.overdueReports.total}
          shown={data.overdueReports.rows.length}
          empty={t("overdue.empty")}
          more={more(data.overdueReports.rows.length, data.overdueReports.total)}
        >
          <Table className="relative">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.grant")}</TableHead>
                <TableHead>{t("columns.report")}</TableHead>
                <TableHead>{t("columns.dueOn")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.overdueReports.rows.map((row) => (
                <TableRow key={row.requirementId} data-testid={`overdue-${row.reference}-${row.kind}-${row.stage}`}>
                  <GrantCell id={row.grantId} reference={row.reference} title={recipient(row)} />
                  <TableCell>
                    <Link href={`/reports/${row.requirementId}`} className="link">
                      {report(row)}
                    </Link>
                    <div className="text-xs text-muted-foreground">{tg(`requirementStatus.${row.status}`)}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {date(row.dueOn)}
                    <div className="text-xs text-destructive">{t("daysOverdue", { days: row.daysOverdue })}</div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DashboardSection>

        <DashboardSection
          id="review"
          title={t("review.title")}
          description={t("review.description")}
          total={data.reportsToReview.total}
          shown={data.reportsToReview.rows.length}
          empty={t("review.empty")}
          more={more(data.reportsToReview.rows.length, data.reportsToReview.total)}
        >
          <Table className="relative">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.grant")}</TableHead>
                <TableHead>{t("columns.report")}</TableHead>
                <TableHead>{t("columns.submittedOn")}</TableHead>
                <TableHead className="sr-only">{t("columns.action")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.reportsToReview.rows.map((row) => (
                <TableRow key={row.requirementId} data-testid={`review-${row.reference}-${row.kind}-${row.stage}`}>
                  <GrantCell id={row.grantId} reference={row.reference} title={recipient(row)} />
                  <TableCell>
                    {report(row)}
                    <div className="text-xs text-muted-foreground">{tg(`requirementStatus.${row.status}`)}</div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{when(row.submittedAt)}</TableCell>
                  <TableCell>
                    <Button asChild size="sm" variant="outline">
                      <Link href={`/reports/${row.requirementId}`}>{t("reviewAction")}</Link>
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </DashboardSection>
      </div>

      <DashboardSection
        id="ending"
        title={t("ending.title", { days: data.endingSoonDays })}
        description={t("ending.description")}
        total={data.endingSoon.total}
        shown={data.endingSoon.rows.length}
        empty={t("ending.empty", { days: data.endingSoonDays })}
        more={more(data.endingSoon.rows.length, data.endingSoon.total)}
      >
        <Table className="relative">
          <TableHeader>
            <TableRow>
              <TableHead>{t("columns.grant")}</TableHead>
              <TableHead>{t("columns.recipient")}</TableHead>
              <TableHead>{t("columns.endsOn")}</TableHead>
              <TableHead numeric>{t("columns.remaining")}</TableHead>
              <TableHead>{t("columns.status")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {data.endingSoon.rows.map((row) => (
              <TableRow key={row.grantId} data-testid={`ending-${row.reference}`}>
                <GrantCell id={row.grantId} reference={row.reference} title={title(row)} />
                <TableCell>{recipient(row)}</TableCell>
                <TableCell className="whitespace-nowrap">
                  {date(row.endsOn)}
                  <div className="text-xs text-muted-foreground">{t("daysLeft", { days: row.daysLeft })}</div>
                </TableCell>
                <TableCell numeric>{money(row.remaining, row.currency)}</TableCell>
                <TableCell>
                  <GrantStatusBadge status={row.status} audience="staff" />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DashboardSection>
    </div>
  );
}
