import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, messagesFor, resolveLocale } from "./i18n";

/** next-intl's per-request configuration, shared by both apps (no locale in URLs: the choice lives in a cookie). */
export async function portalRequestConfig() {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerStore.get("accept-language"));
  return { locale, messages: messagesFor(locale), timeZone: "America/Toronto" };
}
