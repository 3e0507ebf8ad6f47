import { Badge, ProvenanceBadge } from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import { AttachmentList, type AttachmentItem } from "./attachment-list";

export interface SubmissionItem {
  id: string;
  body: string;
  submittedAt: Date;
  submittedBy: string;
  decision: "accepted" | "changes_requested" | null;
  response: string | null;
  respondedAt: Date | null;
  respondedBy: string | null;
  provenance: "source-document" | "public-record" | "illustrative" | "entered";
  attachments: AttachmentItem[];
}

/** Every submission of a report, newest first, with its files and the ministry's answer. */
export async function SubmissionHistory({ submissions }: { submissions: SubmissionItem[] }) {
  const [t, format] = await Promise.all([getTranslations("attachments"), getFormatter()]);
  const when = (at: Date) => format.dateTime(at, { dateStyle: "medium", timeStyle: "short" });
  return (
    <ol className="flex flex-col gap-4" data-testid="submission-history">
      {[...submissions].reverse().map((s, index) => (
        <li key={s.id} className="rounded-md border border-border" data-testid="submission">
          <div className="flex flex-wrap items-center justify-between gap-2 border-b border-border bg-muted/40 px-4 py-2 text-sm">
            <span className="font-medium">{t("submittedBy", { name: s.submittedBy, date: when(s.submittedAt) })}</span>
            <span className="flex items-center gap-2">
              {index === 0 ? <Badge tone="info">{t("latest")}</Badge> : null}
              {s.provenance !== "entered" ? <ProvenanceBadge provenance={s.provenance} /> : null}
            </span>
          </div>
          <div className="flex flex-col gap-3 px-4 py-3">
            <p className="whitespace-pre-wrap text-sm leading-relaxed">{s.body}</p>
            {s.attachments.length > 0 ? (
              <div>
                <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
                  {t("filesTitle")}
                </h4>
                <AttachmentList attachments={s.attachments} />
              </div>
            ) : null}
            {s.decision ? (
              <div
                className={
                  s.decision === "accepted"
                    ? "rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900"
                    : "rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900"
                }
                data-testid="ministry-response"
              >
                <p className="font-medium">
                  {s.decision === "accepted" ? t("decisionAccepted") : t("decisionChanges")}
                  {s.respondedAt ? (
                    <span className="font-normal">
                      {" "}
                      ·{" "}
                      {s.respondedBy
                        ? t("respondedBy", { name: s.respondedBy, date: when(s.respondedAt) })
                        : t("respondedOn", { date: when(s.respondedAt) })}
                    </span>
                  ) : null}
                </p>
                {s.response ? <p className="mt-1 whitespace-pre-wrap">{s.response}</p> : null}
              </div>
            ) : (
              <p className="text-sm text-muted-foreground">{t("awaitingResponse")}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
