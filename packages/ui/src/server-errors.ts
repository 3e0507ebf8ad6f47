import type { MessageParams } from "@portal/domain";

interface ErrorData {
  domainCode?: string | null;
  refusal?: { key: string; params: MessageParams } | null;
  field?: string | null;
  fieldErrors?: Record<string, string> | null;
}

/** What the server said when it refused: the DomainError's code, its sentence's key and parameters, its field. */
export interface ServerRefusal {
  code: string | null;
  key: string | null;
  params: MessageParams | null;
  field: string | null;
  fieldErrors: Record<string, string> | null;
  /** The server's own message, already in the reader's language. */
  message: string;
}

/**
 * An error the API answered with (tRPC's TRPCClientError, which names itself so), told apart from a network or
 * programming error without importing the tRPC client: that import would bring the client back to every page with a
 * form (see `api-hooks`).
 */
export function isApiError(error: unknown): error is Error & { data?: unknown } {
  return error instanceof Error && error.name === "TRPCClientError";
}

export function refusalOf(error: unknown): ServerRefusal | null {
  if (!isApiError(error)) return null;
  const data = (error.data ?? {}) as ErrorData;
  return {
    code: data.domainCode ?? null,
    key: data.refusal?.key ?? null,
    params: data.refusal?.params ?? null,
    field: data.field ?? null,
    fieldErrors: data.fieldErrors ?? null,
    message: error.message,
  };
}

/** Writes a refusal for the reader (see `useRefusalMessage`); without one, the server's own message is shown. */
export type RefusalMessage = (error: unknown, fallback: string) => string;

export const serverMessage: RefusalMessage = (error, fallback) => refusalOf(error)?.message || fallback;
