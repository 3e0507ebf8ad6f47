import {
  CardContent,
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
import { useTranslations } from "next-intl";
import type { AttachmentItem } from "@/components/attachments/attachment-list";
import { RequirementReportLink } from "@/components/attachments/requirement-report-link";
import { AddRequirementForm } from "@/components/ledger/add-requirement-form";
import { RequirementActions } from "@/components/ledger/requirement-actions";
import type { GrantView } from "./grant-view";
import { NoneYet } from "./none-yet";

/** The grant's reporting requirements with their status, files and the actions the service allows on each. */
export function ReportsCard({
  grant,
  attachments,
}: {
  grant: GrantView;
  attachments: (AttachmentItem & { requirementId: string | null })[];
}) {
  const t = useTranslations("grants");
  const tl = useTranslations("ledger");
  return (
    <SectionCard title={t("reports")}>
      {grant.reportingRequirements.length === 0 ? (
        <NoneYet />
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
                  <TableCell>
                    <IsoDate value={r.dueOn} />
                  </TableCell>
                  <TableCell>
                    <ReportStatusBadge status={r.status} overdue={r.overdue} />
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
  );
}
