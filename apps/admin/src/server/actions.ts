"use server";

import { signInWithCredentials, type SignInState } from "@portal/auth/sign-in-action";
import { LOCALE_COOKIE } from "@portal/ui/i18n";
import { cookies } from "next/headers";
import { signIn, signOut } from "@/auth";

export async function signInAction(_state: SignInState, formData: FormData): Promise<SignInState> {
  return signInWithCredentials(signIn, formData);
}

export async function signInWithOidcAction(): Promise<void> {
  await signIn("oidc", { redirectTo: "/" });
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get("locale") === "fr" ? "fr" : "en";
  (await cookies()).set(LOCALE_COOKIE, locale, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
}
