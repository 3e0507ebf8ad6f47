import { ZodError } from "zod";
import { DomainError, domainErrorMessage, refusal } from "../errors";
import { internalErrorMessage, logger, REQUEST_ID_HEADER } from "../observability";
import { domainErrorFromDatabase } from "../services/db-errors";
import { isBodyTooLarge } from "./body-limit";
import { httpStatusOf } from "./status";

export interface ResponseContext {
  locale: "en" | "fr";
  requestId: string;
}

/** Headers on every answer of a route handler: never cached, never sniffed (the route kit adds the request id). */
function baseHeaders(contentType: string, requestId?: string): Headers {
  const headers = new Headers({
    "Content-Type": contentType,
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  });
  if (requestId) headers.set(REQUEST_ID_HEADER, requestId);
  return headers;
}

export function jsonResponse(status: number, body: unknown, ctx?: { requestId?: string }): Response {
  return new Response(JSON.stringify(body), { status, headers: baseHeaders("application/json", ctx?.requestId) });
}

/** The body of every refusal a route handler gives, the same shape as a form reads from tRPC's error data. */
export function refusalResponse(
  ctx: ResponseContext,
  error: DomainError,
  options: { fieldErrors?: Record<string, string> | null; status?: number } = {},
): Response {
  return jsonResponse(
    options.status ?? httpStatusOf(error.code),
    {
      error: {
        code: error.code,
        message: domainErrorMessage(error, ctx.locale),
        refusal: error.detail ?? null,
        field: error.field ?? null,
        fieldErrors: options.fieldErrors ?? null,
        requestId: ctx.requestId,
      },
    },
    ctx,
  );
}

const fieldOfPath = (path: readonly PropertyKey[]) => path.map(String).join(".") || "input";

/**
 * The response for anything a route handler threw: a refusal for what the request caused (a DomainError, a zod
 * error, a database refusal, a body over its cap), and for anything else a generic message with the request id,
 * the detail going to the server log under the same id.
 */
export function errorResponse(error: unknown, ctx: ResponseContext & { route: string }): Response {
  if (error instanceof DomainError) return refusalResponse(ctx, error);
  if (error instanceof ZodError) {
    // zod wrote its messages in the reader's language as it parsed (inside the route kit's inReaderLocale).
    const fieldErrors = Object.fromEntries(error.issues.map((issue) => [fieldOfPath(issue.path), issue.message]));
    const first = error.issues[0];
    const message = first?.message ?? "";
    return refusalResponse(
      ctx,
      refusal("VALIDATION", "invalidValue", { message }, first ? fieldOfPath(first.path) : "input"),
      { fieldErrors },
    );
  }
  if (isBodyTooLarge(error)) {
    return refusalResponse(ctx, refusal("VALIDATION", "requestTooLarge", {}, "body"), { status: 413 });
  }
  const fromDatabase = domainErrorFromDatabase(error);
  if (fromDatabase) {
    logger().warn({ requestId: ctx.requestId, route: ctx.route, err: error }, "database refused input");
    return refusalResponse(ctx, fromDatabase);
  }
  logger().error({ requestId: ctx.requestId, route: ctx.route, err: error }, "route handler failed");
  return jsonResponse(
    500,
    {
      error: {
        code: "INTERNAL",
        message: internalErrorMessage(ctx.locale, ctx.requestId),
        field: null,
        fieldErrors: null,
        requestId: ctx.requestId,
      },
    },
    ctx,
  );
}

/** `attachment; filename="..."; filename*=UTF-8''...`: an ASCII fallback and the real name, never inline. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export interface DownloadFile {
  fileName: string;
  contentType: string;
  content: Uint8Array;
  /** Hex SHA-256 of the content, used as the ETag. */
  sha256?: string;
}

/**
 * A stored file as a download: always an attachment, never rendered in the page (a sandboxing CSP in case a browser
 * tries), private to the reader.
 */
export function downloadResponse(file: DownloadFile): Response {
  const headers = baseHeaders(file.contentType);
  headers.set("Content-Length", String(file.content.byteLength));
  headers.set("Content-Disposition", contentDisposition(file.fileName));
  headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
  headers.set("Cross-Origin-Resource-Policy", "same-origin");
  if (file.sha256) headers.set("ETag", `"${file.sha256}"`);
  return new Response(new Uint8Array(file.content), { status: 200, headers });
}
