import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { DOMAIN_ERROR_CODES, type DomainErrorCode } from "../errors";

/**
 * The one code-to-status map: a DomainError code becomes a tRPC code (DOMAIN_ERROR_CODES), and a tRPC code the
 * HTTP status tRPC itself answers with, so route handlers and /api/trpc agree on every refusal.
 */
export function httpStatusOf(code: DomainErrorCode): number {
  return getHTTPStatusCodeFromError(new TRPCError({ code: DOMAIN_ERROR_CODES[code] }));
}
