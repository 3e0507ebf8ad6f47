import { localized } from "@portal/domain";
import {
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
import { redirect } from "next/navigation";
import { AmendmentsToApprove } from "@/components/dashboard/amendments-to-approve";
import { DashboardSummary } from "@/components/dashboard/dashboard-summary";
import { GrantCell, recipientLabel } from "@/components/dashboard/grant-cell";
import { PaymentNeed } from "@/components/dashboard/payment-need";
import { OverdueReportsTable, ReportsToReviewTable } from "@/components/dashboard/report-tables";
import { DashboardSection } from "@/components/dashboard/section";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("dashboard");
  return { title: t("title") };
}

export default async function DashboardPage() {
  const session = await getSession();
  if (session?.user.role === "partner") redirect("/partner");
  const [api, t, locale, format] = await Promise.all([
    getApi(),
    getTranslations("dashboard"),
    getLocale(),
    getFormatter(),
  ]);
  const data = await api.dashboard.officer();
  const date = (iso: string) => <IsoDate value={iso} />;
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "medium" }) : "—");
  const title = (row: { titleEn: string; titleFr: string }) => localized(row, "title", locale);
  const recipient = (row: Parameters<typeof recipientLabel>[0]) => recipientLabel(row, locale);
  const money = (amount: number, currency: string) => <Money amount={amount} currency={currency} locale={locale} />;
  // Counts stop at a thousand ("1000+"), so a large portfolio costs no more to show than a small one.
  const count = (list: { total: number; atLeast: boolean }) => `${list.total}${list.atLeast ? "+" : ""}`;
  const more = (shown: number, list: { total: number; atLeast: boolean }) => t("more", { shown, total: count(list) });

  const summary = [
    { id: "approvals", label: t("approvals.title"), total: count(data.approvals) },
    { id: "amendments", label: t("amendments.title"), total: count(data.amendmentsToApprove) },
    { id: "payments", label: t("payments.title"), total: count(data.payments) },
    { id: "overdue", label: t("overdue.title"), total: count(data.overdueReports) },
    { id: "review", label: t("review.title"), total: count(data.reportsToReview) },
    { id: "ending", label: t("ending.title", { days: data.endingSoonDays }), total: count(data.endingSoon) },
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("description", {
          date: format.dateTime(isoDateToDate(data.today), { dateStyle: "medium", timeZone: "UTC" }),
        })}
      />
      <DashboardSummary label={t("summaryLabel")} items={summary} />

      <DashboardSection
        anchor="approvals"
        title={t("approvals.title")}
        description={t("approvals.description")}
        total={data.approvals.total}
        atLeast={data.approvals.atLeast}
        shown={data.approvals.rows.length}
        empty={t("approvals.empty")}
        more={more(data.approvals.rows.length, data.approvals)}
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
        anchor="amendments"
        title={t("amendments.title")}
        description={t("amendments.description")}
        total={data.amendmentsToApprove.total}
        atLeast={data.amendmentsToApprove.atLeast}
        shown={data.amendmentsToApprove.rows.length}
        empty={t("amendments.empty")}
        more={more(data.amendmentsToApprove.rows.length, data.amendmentsToApprove)}
      >
        <AmendmentsToApprove rows={data.amendmentsToApprove.rows} />
      </DashboardSection>

      <DashboardSection
        anchor="payments"
        title={t("payments.title")}
        description={t("payments.description")}
        total={data.payments.total}
        atLeast={data.payments.atLeast}
        shown={data.payments.rows.length}
        empty={t("payments.empty")}
        more={more(data.payments.rows.length, data.payments)}
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
                  <PaymentNeed needs={row.needs} blockedBy={row.blockedBy} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DashboardSection>

      <div className="grid grid-cols-1 items-start gap-6 xl:grid-cols-2">
        <DashboardSection
          anchor="overdue"
          title={t("overdue.title")}
          description={t("overdue.description")}
          total={data.overdueReports.total}
          atLeast={data.overdueReports.atLeast}
          shown={data.overdueReports.rows.length}
          empty={t("overdue.empty")}
          more={more(data.overdueReports.rows.length, data.overdueReports)}
        >
          <OverdueReportsTable rows={data.overdueReports.rows} />
        </DashboardSection>

        <DashboardSection
          anchor="review"
          title={t("review.title")}
          description={t("review.description")}
          total={data.reportsToReview.total}
          atLeast={data.reportsToReview.atLeast}
          shown={data.reportsToReview.rows.length}
          empty={t("review.empty")}
          more={more(data.reportsToReview.rows.length, data.reportsToReview)}
        >
          <ReportsToReviewTable rows={data.reportsToReview.rows} />
        </DashboardSection>
      </div>

      <DashboardSection
        anchor="ending"
        title={t("ending.title", { days: data.endingSoonDays })}
        description={t("ending.description")}
        total={data.endingSoon.total}
        atLeast={data.endingSoon.atLeast}
        shown={data.endingSoon.rows.length}
        empty={t("ending.empty", { days: data.endingSoonDays })}
        more={more(data.endingSoon.rows.length, data.endingSoon)}
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
