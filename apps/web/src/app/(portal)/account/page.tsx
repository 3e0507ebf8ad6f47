import { AccountPage } from "@portal/ui/account-page";
import { getTranslations } from "next-intl/server";
import { PasswordSection, TotpSection } from "@/components/account/account-forms";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

export default async function AccountSecurityPage() {
  const security = await (await getApi()).account.security();
  return (
    <AccountPage
      security={security}
      passwordSection={<PasswordSection />}
      totpSection={<TotpSection enrolled={security.totpEnrolled} />}
    />
  );
}
