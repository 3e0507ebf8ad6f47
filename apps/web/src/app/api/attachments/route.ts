import { DomainError } from "@portal/api";
import {
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS_PER_SUBMISSION,
  submitReportWithAttachments,
} from "@portal/api/services";
import { getDb } from "@portal/db/runtime";
import { plainError, requestActor } from "../exports/_lib/request";

export const dynamic = "force-dynamic";

const STATUS: Record<string, number> = {
  VALIDATION: 400,
  NOT_FOUND: 404,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
};

/** Room for the largest allowed upload: every file at its limit, plus the report text and multipart framing. */
const MAX_REQUEST_BYTES = MAX_ATTACHMENTS_PER_SUBMISSION * MAX_ATTACHMENT_BYTES + 1024 * 1024;

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" },
  });
}

function failure(status: number, code: string, message: string, field?: string): Response {
  return json(status, { error: { code, message, field: field ?? null } });
}

/**
 * Hands in a report with its files (multipart/form-data: requirementId, body, files[]). The files are checked by the
 * service (type by extension and content, 10 MB each) and stored with the submission in one transaction.
 */
export async function POST(request: Request) {
  const origin = request.headers.get("origin");
  if (origin && origin !== new URL(request.url).origin) return plainError(403, "Cross-site upload refused.");
  const { actor } = await requestActor(request);
  if (!actor) return failure(401, "UNAUTHENTICATED", "Please sign in.");
  const declared = Number.parseInt(request.headers.get("content-length") ?? "", 10);
  if (Number.isFinite(declared) && declared > MAX_REQUEST_BYTES) {
    return failure(413, "VALIDATION", "The files are too large to send together. Each may be at most 10 MB.", "files");
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return failure(400, "VALIDATION", "The upload could not be read; send it as multipart/form-data.");
  }
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  const uploads = form.getAll("files").filter((entry): entry is File => typeof entry !== "string" && entry.size >= 0);
  // A browser sends an empty, nameless part when no file was chosen.
  const chosen = uploads.filter((file) => !(file.size === 0 && file.name === ""));
  try {
    const files = await Promise.all(
      chosen.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
    );
    const result = await submitReportWithAttachments(getDb(), actor, {
      requirementId: text("requirementId"),
      body: text("body"),
      files,
    });
    return json(200, { requirementId: result.id, status: result.status, attachments: result.attachments });
  } catch (error) {
    if (error instanceof DomainError) {
      return failure(STATUS[error.code] ?? 400, error.code, error.message, error.field);
    }
    throw error;
  }
}
