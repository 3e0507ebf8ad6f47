import { SignInPage } from "@portal/auth/sign-in-page";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { setLocaleAction, signInAction, signInWithOidcAction } from "@/server/actions";
import { getSession } from "@/server/caller";

export const dynamic = "force-dynamic";
export { signInMetadata as generateMetadata } from "@portal/auth/sign-in-page";

export default async function Page({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; code?: string }>;
}) {
  const t = await getTranslations("notifications.forgot");
  return (
    <SignInPage
      variant="web"
      searchParams={searchParams}
      getSession={getSession}
      actions={{ signIn: signInAction, signInWithOidc: signInWithOidcAction, setLocale: setLocaleAction }}
      footer={
        <p className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-muted-foreground underline">
            {t("link")}
          </Link>
        </p>
      }
    />
  );
}
