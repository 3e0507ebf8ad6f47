import { isApiError } from "@portal/ui/server-errors";

interface ErrorData {
  domainCode?: string | null;
  field?: string | null;
}

/** The service's DomainError code (e.g. "CONFLICT") and field, when the server refused with one. */
export function domainErrorOf(error: unknown): { code: string | null; field: string | null; message: string } {
  if (isApiError(error)) {
    const data = (error.data ?? {}) as ErrorData;
    return { code: data.domainCode ?? null, field: data.field ?? null, message: error.message };
  }
  return { code: null, field: null, message: "" };
}

/**
 * The admin's wording for a refusal: a translated message when this action has one for the code, else the
 * server's own plain-language message, else the fallback.
 */
export function refusalMessage(error: unknown, translated: Partial<Record<string, string>>, fallback: string): string {
  const { code, message } = domainErrorOf(error);
  return (code ? translated[code] : undefined) ?? (message || fallback);
}
