import type { MessageParams } from "@portal/domain";
import { errorTranslator, type RefusalKey, refusalText } from "@portal/ui/refusal-text";
import { TRPCError } from "@trpc/server";

export type { RefusalKey };

/**
 * The one error type services throw. `code` is stable and machine-readable (tests and the UI key on it);
 * `message` is written for a person; `field` names the input field at fault so forms can show it in place.
 */
export const DOMAIN_ERROR_CODES = {
  NOT_FOUND: "NOT_FOUND",
  UNAUTHENTICATED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  VALIDATION: "BAD_REQUEST",
  CONFLICT: "CONFLICT",
  INVALID_TRANSITION: "CONFLICT",
  ALLOCATION_EXCEEDED: "CONFLICT",
  DISBURSEMENT_EXCEEDS_REMAINING: "CONFLICT",
  COMPONENTS_DO_NOT_ADD_UP: "BAD_REQUEST",
  FUNDING_DOES_NOT_ADD_UP: "BAD_REQUEST",
  FOUR_EYES_REQUIRED: "FORBIDDEN",
  GRANT_NOT_EDITABLE: "CONFLICT",
  GRANT_NOT_OPEN: "CONFLICT",
  GRANT_NOT_DISBURSABLE: "CONFLICT",
  SCHEDULE_EXCEEDS_TOTAL: "CONFLICT",
  PAYMENT_ON_HOLD: "CONFLICT",
  PAYMENT_NOT_APPROVED: "CONFLICT",
  FUNDING_LINE_EXCEEDED: "CONFLICT",
  ALREADY_REVERSED: "CONFLICT",
  IDEMPOTENCY_KEY_REUSED: "CONFLICT",
  REPORT_NOT_ACCEPTED: "CONFLICT",
  PAYMENT_DATE_OUT_OF_RANGE: "BAD_REQUEST",
  GRANT_NOT_REVERSIBLE: "CONFLICT",
  ALLOCATION_BELOW_COMMITTED: "CONFLICT",
  SECOND_FACTOR_REQUIRED: "FORBIDDEN",
  WEAK_PASSWORD: "BAD_REQUEST",
  IATI_INVALID: "BAD_REQUEST",
  AMENDMENT_BELOW_PAID: "CONFLICT",
  GRANT_NOT_AMENDABLE: "CONFLICT",
  AMENDMENT_PENDING: "CONFLICT",
} as const satisfies Record<string, TRPCError["code"]>;

export type DomainErrorCode = keyof typeof DOMAIN_ERROR_CODES;

/** The catalogue sentence of a refusal (`errors.reasons.<key>`) and its parameters: each language writes its own. */
export interface RefusalDetail {
  key: RefusalKey;
  params: MessageParams;
}

/**
 * Services never build one directly: they throw `refusal(...)`, so every refusal has a catalogue sentence in both
 * languages (refusals.test.ts holds the line).
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
    readonly detail?: RefusalDetail,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

/**
 * A refusal written from the catalogues: the English sentence becomes the error's message (logs, tests, API clients),
 * and the key and parameters travel with it so French readers get the same amounts, names and dates in French.
 */
export function refusal(
  code: DomainErrorCode,
  key: RefusalKey,
  params: MessageParams = {},
  field?: string,
): DomainError {
  const message = refusalText("en", { code, key, params }) ?? key;
  return new DomainError(code, message, field, { key, params });
}

/** Whether a text is a key of the `errors.reasons` catalogue (and not, say, a sentence written in English). */
export function isRefusalKey(text: string): text is RefusalKey {
  return errorTranslator("en").has(`reasons.${text}`);
}

/**
 * A refusal in the reader's language: the catalogue's sentence with its parameters when the service gave one; else,
 * for French readers, the code's general sentence; else the service's own English message.
 */
export function domainErrorMessage(error: DomainError, locale: "en" | "fr"): string {
  if (error.detail) return refusalText(locale, { code: error.code, ...error.detail }) ?? error.message;
  if (locale === "fr") return refusalText("fr", { code: error.code }) ?? error.message;
  return error.message;
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: DOMAIN_ERROR_CODES[error.code], message: error.message, cause: error });
}
