import { localized } from "@portal/domain";
import {
  Alert,
  Badge,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { ReportSubmissionForm } from "@/components/attachments/report-submission-form";
import { SubmissionHistory } from "@/components/attachments/submission-history";
import { isoDateToDate } from "@/components/dashboard/dates";
import { RequirementActions } from "@/components/ledger/requirement-actions";
import { getApi, getSession } from "@/server/caller";
import { ReadOnlyNotice } from "@/components/officer-scope/read-only-notice";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("attachments");
  return { title: t("pageTitle") };
}

const TONES = {
  open: "neutral",
  submitted: "info",
  resubmitted: "info",
  changes_requested: "warning",
  accepted: "success",
  waived: "neutral",
} as const;

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, session, t, tg, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("attachments"),
    getTranslations("grants"),
    getLocale(),
    getFormatter(),
  ]);
  const report = await orNotFound(() => api.attachments.report({ requirementId: id }));
  const isPartner = session?.user.role === "partner";
  const canSubmit = report.availableActions.includes("submit");
  const reviewActions = report.availableActions.filter((a) => a !== "submit");
  const name = `${tg(`reportKind.${report.kind}`)} · ${tg(`reportStage.${report.stage}`)}`;
  const recipient = report.recipient.acronym ?? localized(report.recipient, "name", locale);

  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap gap-4 text-sm">
        <Link href={`/grants/${report.grant.id}`} className="link">
          ← {t("backToGrant", { reference: report.grant.reference })}
        </Link>
        <Link href="/reports" className="link">
          {t("allReports")}
        </Link>
      </div>
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {t("reportTitle", { name })}
            <Badge tone={report.overdue ? "danger" : TONES[report.status]} data-testid="report-status">
              {tg(`requirementStatus.${report.status}`)}
            </Badge>
            {report.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
          </span>
        }
        description={`${report.grant.reference} · ${localized(report.grant, "title", locale)}${isPartner ? "" : ` · ${recipient}`}`}
      />
      <ReadOnlyNotice reason={report.readOnlyReason} />
      <p className="text-sm">
        <span className="text-muted-foreground">{t("dueOn")}:</span>{" "}
        {format.dateTime(isoDateToDate(report.dueOn), { dateStyle: "long", timeZone: "UTC" })}
      </p>
      {report.status === "waived" && report.waivedReason ? (
        <Alert tone="info">{t("waived", { reason: report.waivedReason })}</Alert>
      ) : null}
      {report.status === "accepted" ? (
        <Alert tone="info" data-testid="report-accepted">
          {t("acceptedNotice")}
        </Alert>
      ) : null}
      {(report.status === "submitted" || report.status === "resubmitted") && isPartner ? (
        <Alert tone="info">{t("withMinistry")}</Alert>
      ) : null}

      {canSubmit ? (
        <Card>
          <CardHeader>
            <CardTitle>{report.status === "changes_requested" ? t("resubmitTitle") : t("submitTitle")}</CardTitle>
            <CardDescription>
              {report.status === "changes_requested" ? t("resubmitDescription") : t("submitDescription")}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ReportSubmissionForm requirementId={report.id} resubmission={report.status === "changes_requested"} />
          </CardContent>
        </Card>
      ) : null}

      {reviewActions.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>{t("reviewTitle")}</CardTitle>
            <CardDescription>{t("reviewDescription")}</CardDescription>
          </CardHeader>
          <CardContent>
            <RequirementActions requirementId={report.id} actions={reviewActions} />
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>{t("historyTitle")}</CardTitle>
        </CardHeader>
        <CardContent>
          {report.submissions.length === 0 ? (
            <EmptyState title={t("noSubmissions")} />
          ) : (
            <SubmissionHistory submissions={report.submissions} />
          )}
        </CardContent>
      </Card>
    </div>
  );
}
