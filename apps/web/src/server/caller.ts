import "server-only";
import { createContext, createWebCaller } from "@portal/api";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { auth } from "@/auth";

/** The signed-in user's session for this request (cached so layout and page share one database read). */
export const getSession = cache(() => auth());

/** A tRPC caller bound to this request's user, for server components. */
export const getApi = cache(async () => {
  const [session, locale] = await Promise.all([getSession(), getLocale()]);
  return createWebCaller(createContext(session, locale === "fr" ? "fr" : "en"));
});
