import { CardContent, SectionCard } from "@portal/ui";
import { AccountPage } from "@portal/ui/account-page";
import { getTranslations } from "next-intl/server";
import { PasswordSection, TotpSection } from "@/components/account/account-forms";
import { SecuritySettings } from "@/components/security/security-settings";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("account");
  return { title: t("title") };
}

/** The administrator's own account security, and the portal-wide security settings. */
export default async function AccountSecurityPage() {
  const api = await getApi();
  const [security, settings, t] = await Promise.all([
    api.account.security(),
    api.security.settings(),
    getTranslations("account.settings"),
  ]);
  return (
    <>
      <AccountPage
        security={security}
        passwordSection={<PasswordSection />}
        totpSection={<TotpSection enrolled={security.totpEnrolled} />}
      />
      <div className="mt-6">
        <SectionCard title={t("title")} testId="security-settings">
          <CardContent>
            <SecuritySettings approvalsRequireSecondFactor={settings.approvalsRequireSecondFactor} />
          </CardContent>
        </SectionCard>
      </div>
    </>
  );
}
