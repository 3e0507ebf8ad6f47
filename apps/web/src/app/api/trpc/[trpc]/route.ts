import { createContext, webRouter } from "@portal/api";
import { LOCALE_COOKIE, resolveLocale } from "@portal/ui/i18n";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { cookies } from "next/headers";
import { auth } from "@/auth";

async function handler(request: Request) {
  const [session, cookieStore] = await Promise.all([auth(), cookies()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: webRouter,
    createContext: () => createContext(session, locale),
    onError: ({ error, path }) => {
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path ?? "?"} failed`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
