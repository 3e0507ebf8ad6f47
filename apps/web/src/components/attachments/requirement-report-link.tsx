import { Button } from "@portal/ui";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { AttachmentList, type AttachmentItem } from "./attachment-list";

/**
 * On the grant page, per reporting requirement: the way to its report page (to hand it in with files, or to read the
 * submissions and the ministry's answers) and the files of its submissions.
 */
export function RequirementReportLink({
  requirementId,
  canSubmit,
  submissions,
  attachments,
}: {
  requirementId: string;
  canSubmit: boolean;
  submissions: number;
  attachments: AttachmentItem[];
}) {
  const t = useTranslations("attachments");
  return (
    <div className="flex flex-col items-start gap-1.5">
      {canSubmit ? (
        <Button asChild size="sm" variant="outline" data-testid="open-report-form">
          <Link href={`/reports/${requirementId}`}>{t("submitWithFiles")}</Link>
        </Button>
      ) : submissions > 0 ? (
        <Link href={`/reports/${requirementId}`} className="text-sm link">
          {t("openReport", { count: submissions })}
        </Link>
      ) : null}
      <AttachmentList attachments={attachments} compact />
    </div>
  );
}
