import "server-only";
import { createAdminCaller, createContext } from "@portal/api";
import { getLocale } from "next-intl/server";
import { cache } from "react";
import { auth } from "@/auth";

export const getSession = cache(() => auth());

/** A tRPC caller on the admin router, bound to this request's (admin) user. */
export const getApi = cache(async () => {
  const [session, locale] = await Promise.all([getSession(), getLocale()]);
  return createAdminCaller(createContext(session, locale === "fr" ? "fr" : "en"));
});
