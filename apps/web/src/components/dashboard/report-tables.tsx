import type { RequirementStatus } from "@portal/domain";
import { Button, IsoDate, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { GrantCell, recipientLabel } from "./grant-cell";

interface ReportRow {
  requirementId: string;
  grantId: string;
  reference: string;
  recipientAcronym: string | null;
  recipientNameEn: string;
  recipientNameFr: string;
  kind: "narrative" | "financial";
  stage: "interim" | "final";
  status: RequirementStatus;
  dueOn: string;
}

async function reportWords() {
  const [t, tg, locale, format] = await Promise.all([
    getTranslations("dashboard"),
    getTranslations("grants"),
    getLocale(),
    getFormatter(),
  ]);
  return {
    t,
    tg,
    format,
    recipient: (row: ReportRow) => recipientLabel(row, locale),
    date: (iso: string) => <IsoDate value={iso} />,
    report: (r: ReportRow) => `${tg(`reportKind.${r.kind}`)} · ${tg(`reportStage.${r.stage}`)}`,
  };
}

/** Reports past their due date and not handed in (or sent back), each linking to the report, with how late it is. */
export async function OverdueReportsTable({ rows }: { rows: (ReportRow & { daysOverdue: number })[] }) {
  const { t, tg, recipient, date, report } = await reportWords();
  return (
    <Table className="relative">
      <TableHeader>
        <TableRow>
          <TableHead>{t("columns.grant")}</TableHead>
          <TableHead>{t("columns.report")}</TableHead>
          <TableHead>{t("columns.dueOn")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
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
  );
}

/** Reports handed in by partners and waiting for an answer, each with a button to review it. */
export async function ReportsToReviewTable({ rows }: { rows: (ReportRow & { submittedAt: Date | null })[] }) {
  const { t, tg, format, recipient, report } = await reportWords();
  const when = (at: Date | null) => (at ? format.dateTime(at, { dateStyle: "medium" }) : "—");
  return (
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
        {rows.map((row) => (
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
  );
}
