import "server-only";
import { createRouteKit } from "@portal/api/http";
import { LOCALE_COOKIE, resolveLocale } from "@portal/ui/i18n";
import { cookies } from "next/headers";
import { auth } from "@/auth";

/** The portal's HTTP layer: every route handler (tRPC, attachments, exports) goes through it. */
export const http = createRouteKit({
  audience: "web",
  session: () => auth(),
  locale: async (request) =>
    resolveLocale((await cookies()).get(LOCALE_COOKIE)?.value, request.headers.get("accept-language")),
});
