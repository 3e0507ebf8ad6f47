import { oneClickUnsubscribeResponse } from "@portal/api/notifications";
import { http } from "@/server/http";

export const dynamic = "force-dynamic";

/**
 * Public, unauthenticated: the one-click unsubscribe of RFC 8058, the address in category mail's List-Unsubscribe
 * header. The token in the query names who and which category; the body must be `List-Unsubscribe=One-Click`.
 */
export const POST = http.publicRoute(({ ctx, request, url }) => oneClickUnsubscribeResponse(ctx.db, request, url), {
  name: "notifications.oneClickUnsubscribe",
});
