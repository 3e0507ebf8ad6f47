import type { ReactNode } from "react";
import { SignInScreen } from "@portal/ui/sign-in-screen";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { authEnv } from "./env";
import { safeNextPath, type SignInState } from "./sign-in-action";

export async function signInMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

/**
 * The sign-in route of either app: a signed-in visitor goes straight on; otherwise the form, with the error Auth.js
 * put in the URL (if any) and, when configured, the single sign-on button.
 */
export async function SignInPage({
  variant,
  searchParams,
  getSession,
  actions,
  footer,
}: {
  variant: "web" | "admin";
  footer?: ReactNode;
  searchParams: Promise<{ next?: string; error?: string; code?: string }>;
  getSession: () => Promise<unknown>;
  actions: {
    signIn: (state: SignInState, formData: FormData) => Promise<SignInState>;
    signInWithOidc: () => Promise<void>;
    setLocale: (formData: FormData) => Promise<void>;
  };
}) {
  const [params, session, locale] = await Promise.all([searchParams, getSession(), getLocale()]);
  const next = safeNextPath(params.next);
  if (session) redirect(next);
  const oidc = authEnv().oidc;
  return (
    <SignInScreen
      variant={variant}
      locale={locale === "fr" ? "fr" : "en"}
      setLocaleAction={actions.setLocale}
      action={actions.signIn}
      next={next}
      initialError={params.code ?? params.error ?? null}
      oidc={oidc ? { name: oidc.name, action: actions.signInWithOidc } : null}
      footer={footer}
    />
  );
}
