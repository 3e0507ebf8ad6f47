import { SignInPage } from "@portal/auth/sign-in-page";
import { setLocaleAction, signInAction, signInWithOidcAction } from "@/server/actions";
import { getSession } from "@/server/caller";

export const dynamic = "force-dynamic";
export { signInMetadata as generateMetadata } from "@portal/auth/sign-in-page";

export default function Page({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; code?: string }>;
}) {
  return (
    <SignInPage
      variant="web"
      searchParams={searchParams}
      getSession={getSession}
      actions={{ signIn: signInAction, signInWithOidc: signInWithOidcAction, setLocale: setLocaleAction }}
    />
  );
}
