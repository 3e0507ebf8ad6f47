import { TRPCError } from "@trpc/server";

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

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export function toTRPCError(error: DomainError): TRPCError {
  return new TRPCError({ code: DOMAIN_ERROR_CODES[error.code], message: error.message, cause: error });
}
