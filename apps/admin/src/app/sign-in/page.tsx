import { SignInScreen } from "@portal/ui/sign-in-screen";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { setLocaleAction, signInAction, signInWithOidcAction } from "@/server/actions";
import { getSession } from "@/server/caller";
import { safeNextPath } from "@portal/auth/sign-in-action";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; code?: string }>;
}) {
  const [params, session, locale] = await Promise.all([searchParams, getSession(), getLocale()]);
  const next = safeNextPath(params.next);
  if (session) redirect(next);
  const oidcName = process.env.AUTH_OIDC_ISSUER ? (process.env.AUTH_OIDC_NAME ?? "SSO") : null;
  return (
    <SignInScreen
      variant="admin"
      locale={locale === "fr" ? "fr" : "en"}
      setLocaleAction={setLocaleAction}
      action={signInAction}
      next={next}
      initialError={params.code ?? params.error ?? null}
      oidc={oidcName ? { name: oidcName, action: signInWithOidcAction } : null}
    />
  );
}
