import "server-only";
import { type Actor, createContext } from "@portal/api";
import { LOCALE_COOKIE, resolveLocale } from "@portal/ui/i18n";
import { cookies } from "next/headers";
import { auth } from "@/auth";

/** The signed-in actor and reader's language of a route handler request; null actor when nobody is signed in. */
export async function requestActor(request: Request): Promise<{ actor: Actor | null; locale: "en" | "fr" }> {
  const [session, cookieStore] = await Promise.all([auth(), cookies()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, request.headers.get("accept-language"));
  return { actor: createContext(session, locale).actor, locale };
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
