import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { Alert } from "./alert";
import { CardContent } from "./card";
import { PageHeader } from "./page-header";
import { SectionCard } from "./section-card";

/** The account security page of either app; each passes its own client sections (wired to its own API). */
export async function AccountPage({
  security,
  passwordSection,
  totpSection,
}: {
  security: {
    hasPassword: boolean;
    canEnrol: boolean;
    sessionHasSecondFactor: boolean;
    approvalsRequireSecondFactor: boolean;
  };
  passwordSection: ReactNode;
  totpSection: ReactNode;
}) {
  const t = await getTranslations("account");
  return (
    <>
      <PageHeader title={t("title")} description={t("intro")} />
      <div className="flex flex-col gap-6">
        {security.canEnrol && security.approvalsRequireSecondFactor ? (
          <Alert tone={security.sessionHasSecondFactor ? "info" : "warning"} data-testid="approvals-second-factor">
            {t("approvals.required")}{" "}
            {security.sessionHasSecondFactor ? t("approvals.sessionOk") : t("approvals.sessionMissing")}
          </Alert>
        ) : null}
        <SectionCard title={t("password.title")}>
          <CardContent>
            {security.hasPassword ? passwordSection : <p className="text-sm">{t("password.noPassword")}</p>}
          </CardContent>
        </SectionCard>
        <SectionCard title={t("totp.title")}>
          <CardContent>
            {security.canEnrol ? totpSection : <p className="text-sm">{t("totp.partnersOnly")}</p>}
          </CardContent>
        </SectionCard>
      </div>
    </>
  );
}
