import { localized } from "@portal/domain";
import {
  Alert,
  Badge,
  Breadcrumbs,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  IsoDate,
  PageHeader,
  ReportStatusBadge,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { ReportSubmissionForm } from "@/components/attachments/report-submission-form";
import { SubmissionHistory } from "@/components/attachments/submission-history";
import { RequirementActions } from "@/components/ledger/requirement-actions";
import { ReadOnlyNotice } from "@/components/officer-scope/read-only-notice";
import { getSession } from "@/server/caller";
import { loadReport } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t, tg] = await Promise.all([params, getTranslations("attachments"), getTranslations("grants")]);
  const report = await loadReport(id);
  const name = `${tg(`reportKind.${report.kind}`)} · ${tg(`reportStage.${report.stage}`)}`;
  // Each report its own title (WCAG 2.4.2): the grant's reference tells two "final report" tabs apart.
  return { title: `${t("reportTitle", { name })} · ${report.grant.reference}` };
}

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [session, t, tg, tn, tw, locale] = await Promise.all([
    getSession(),
    getTranslations("attachments"),
    getTranslations("grants"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
  ]);
  const report = await loadReport(id);
  const isPartner = session?.user.role === "partner";
  const canSubmit = report.availableActions.includes("submit");
  const reviewActions = report.availableActions.filter((a) => a !== "submit");
  const name = `${tg(`reportKind.${report.kind}`)} · ${tg(`reportStage.${report.stage}`)}`;
  const recipient = report.recipient.acronym ?? localized(report.recipient, "name", locale);

  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        label={tw("breadcrumbs")}
        items={[
          { label: tn("reports"), href: "/reports", list: true },
          { label: t("backToGrant", { reference: report.grant.reference }), href: `/grants/${report.grant.id}` },
          { label: name },
        ]}
      />
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {t("reportTitle", { name })}
            <ReportStatusBadge status={report.status} overdue={report.overdue} testId="report-status" />
            {report.overdue ? <Badge tone="danger">{t("overdue")}</Badge> : null}
          </span>
        }
        description={`${report.grant.reference} · ${localized(report.grant, "title", locale)}${isPartner ? "" : ` · ${recipient}`}`}
      />
      <ReadOnlyNotice reason={report.readOnlyReason} />
      <p className="text-sm">
        <span className="text-muted-foreground">{t("dueOn")}:</span> <IsoDate value={report.dueOn} dateStyle="long" />
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
