import "server-only";
import { type Actor, createContext } from "@portal/api";
import { LOCALE_COOKIE, resolveLocale } from "@portal/ui/i18n";
import { cookies } from "next/headers";
import { auth } from "@/auth";

/**
 * The admin behind a route handler request, and the reader's language. The admin console's Auth.js already drops
 * non-admins' sessions; the role is checked again here, since exports sit outside the tRPC admin router.
 */
export async function requestAdmin(request: Request): Promise<{ actor: Actor | null; locale: "en" | "fr" }> {
  const [session, cookieStore] = await Promise.all([auth(), cookies()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  const actor = createContext(session, locale).actor;
  return { actor: actor?.role === "admin" ? actor : null, locale };
}

export function plainError(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    },
  });
}

/** The drill-down filters of a budget export URL, as the drill-down pages put them there. */
export function drilldownFilters(url: URL) {
  const quarter = url.searchParams.get("quarter");
  return {
    fiscalYear: url.searchParams.get("fy") || undefined,
    allocationId: url.searchParams.get("allocation") || undefined,
    organisationId: url.searchParams.get("partner") || undefined,
    period: quarter && /^\d{4}-Q[1-4]$/.test(quarter) ? quarter : undefined,
  };
}

/** A refused or malformed filter is the person's mistake, not a server failure. */
export function exportFailure(error: unknown): Response {
  const name = (error as { name?: string; code?: string })?.name;
  const code = (error as { code?: string })?.code;
  if (name === "ZodError" || code === "VALIDATION") return plainError(400, "These filters are not valid.");
  if (code === "NOT_FOUND") return plainError(404, "Not found.");
  throw error;
}
