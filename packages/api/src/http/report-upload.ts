import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS_PER_SUBMISSION } from "../services/attachments/attachment-rules";
import { submitReportWithAttachments } from "../services/attachments/submit-report-with-attachments";
import { refusal } from "../errors";
import { isBodyTooLarge } from "./body-limit";
import { jsonResponse } from "./responses";
import type { RouteRequest } from "./route-kit";

/** Room for the largest allowed upload: every file at its limit, plus the report text and multipart framing. */
export const MAX_UPLOAD_REQUEST_BYTES = MAX_ATTACHMENTS_PER_SUBMISSION * MAX_ATTACHMENT_BYTES + 1024 * 1024;

/**
 * Hands in a report with its files (multipart/form-data: requirementId, body, files[]). The files are checked by the
 * service (type by extension and content, 10 MB each) and stored with the submission in one transaction.
 */
export async function reportUpload({ request, ctx }: RouteRequest<unknown>): Promise<Response> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch (error) {
    if (isBodyTooLarge(error)) {
      throw refusal("VALIDATION", "uploadTooLarge", {}, "files");
    }
    throw refusal("VALIDATION", "uploadUnreadable", {}, "files");
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  // A browser sends an empty, nameless part when no file was chosen.
  const chosen = form
    .getAll("files")
    .filter((entry): entry is File => typeof entry !== "string")
    .filter((file) => !(file.size === 0 && file.name === ""));
  const files = await Promise.all(
    chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const result = await submitReportWithAttachments(ctx.db, ctx.actor, {
    requirementId: text("requirementId"),
    body: text("body"),
    files,
  });
  return jsonResponse(200, { requirementId: result.id, status: result.status, attachments: result.attachments });
}
