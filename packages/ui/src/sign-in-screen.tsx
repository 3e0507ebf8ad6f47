import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader } from "./card";
import type { Locale } from "./i18n";
import { LanguageSwitch } from "./language-switch";
import { SignInForm } from "./sign-in-form";

type SignInFormProps = Parameters<typeof SignInForm>[0];

/** The whole sign-in page of either app; each passes its own server actions and wording. */
export function SignInScreen({
  variant,
  locale,
  setLocaleAction,
  footer,
  ...form
}: SignInFormProps & {
  variant: "web" | "admin";
  locale: Locale;
  setLocaleAction: (formData: FormData) => Promise<void>;
  /** Below the form, such as the portal's "forgot your password?" link. */
  footer?: ReactNode;
}) {
  const t = useTranslations();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-6 bg-muted/40 px-4">
      <div className="flex w-full max-w-sm items-center justify-between gap-4">
        <p className="flex items-center gap-2 font-semibold">
          <span aria-hidden className="inline-block h-3 w-3 shrink-0 rounded-sm bg-primary" />
          {t(variant === "admin" ? "common.adminProductName" : "common.productName")}
        </p>
        <LanguageSwitch
          current={locale}
          label={t("common.switchTo")}
          title={t("common.switchToLabel")}
          action={setLocaleAction}
        />
      </div>
      <Card className="w-full max-w-sm">
        <CardHeader>
          <h1 className="text-lg font-semibold">{t("auth.signInTitle")}</h1>
          <CardDescription>{t(variant === "admin" ? "auth.adminSignInIntro" : "auth.signInIntro")}</CardDescription>
        </CardHeader>
        <CardContent>
          <SignInForm {...form} />
          {footer}
        </CardContent>
      </Card>
    </main>
  );
}
