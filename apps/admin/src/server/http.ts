import "server-only";
import { createRouteKit } from "@portal/api/http";
import { LOCALE_COOKIE, resolveLocale } from "@portal/ui/i18n";
import { cookies } from "next/headers";
import { auth } from "@/auth";

/**
 * The admin console's HTTP layer: every route handler (tRPC, exports) goes through it, and admits admins only (the
 * console's Auth.js already drops other sessions; checked again since exports sit outside the admin router).
 */
export const http = createRouteKit({
  audience: "admin",
  session: () => auth(),
  locale: async (request) =>
    resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")),
});

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
