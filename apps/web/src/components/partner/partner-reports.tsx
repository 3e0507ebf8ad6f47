import type { PartnerWorkspace } from "@portal/api/services";
import { localized } from "@portal/domain";
import {
  Button,
  IsoDate,
  ReportStatusBadge,
  SectionCard,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { EmptyList, ListRest } from "./workspace-parts";

/** The partner's reports in play, soonest first, each with the action its status allows. */
export async function PartnerReports({ data, locale }: { data: PartnerWorkspace; locale: string }) {
  const [t, tg, tl] = await Promise.all([
    getTranslations("partner"),
    getTranslations("grants"),
    getTranslations("partialLists"),
  ]);
  return (
    <SectionCard testId="partner-reports" title={t("reports.title")} description={t("reports.description")}>
      {data.reports.length === 0 ? (
        <EmptyList title={t("reports.empty")} />
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
                  <div className="text-xs text-muted-foreground">{localized(r, "title", locale)}</div>
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <IsoDate value={r.dueOn} />
                </TableCell>
                <TableCell>
                  <ReportStatusBadge status={r.status} overdue={r.overdue} overdueLabel={t("reports.overdue")} />
                  {r.lastResponse ? (
                    <div className="mt-1 max-w-sm text-xs text-muted-foreground">
                      {t("reports.lastResponse", { response: r.lastResponse })}
                    </div>
                  ) : null}
                </TableCell>
                <TableCell>
                  <Button asChild size="sm" variant={r.action === "submit" ? "default" : "outline"}>
                    <Link href={`/reports/${r.id}`}>{t(`reports.${r.action}`)}</Link>
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ListRest
        shown={data.reports.length}
        total={data.reportCount}
        text={tl("shown", { shown: data.reports.length, total: data.reportCount })}
      />
    </SectionCard>
  );
}
