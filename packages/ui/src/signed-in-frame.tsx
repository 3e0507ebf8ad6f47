import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { AppShell } from "./app-shell";
import { LanguageSwitch } from "./language-switch";
import { UserMenu } from "./user-menu";

/**
 * The frame of every signed-in page in either app: product name, navigation (labels are keys of the `nav`
 * namespace), the language switch and the user menu. Each app passes its own server actions.
 */
export async function SignedInFrame({
  variant,
  user,
  nav,
  setLocaleAction,
  signOutAction,
  children,
}: {
  variant: "web" | "admin";
  user: { name: string; role: "admin" | "officer" | "partner" };
  nav: { href: string; label: string }[];
  setLocaleAction: (formData: FormData) => Promise<void>;
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  return (
    <AppShell
      productName={t(variant === "admin" ? "common.adminProductName" : "common.productName")}
      skipLabel={t("common.skipToContent")}
      navLabel={t("common.mainNavigation")}
      nav={nav.map((item) => ({
        href: item.href,
        label: t(`nav.${item.label}` as "nav.grants"),
      }))}
      languageSlot={
        <LanguageSwitch
          current={locale === "fr" ? "fr" : "en"}
          label={t("common.switchTo")}
          title={t("common.switchToLabel")}
          action={setLocaleAction}
        />
      }
      userSlot={
        <UserMenu
          name={user.name}
          roleLabel={t(`common.roles.${user.role}`)}
          signOutLabel={t("common.signOut")}
          signOutAction={signOutAction}
        />
      }
    >
      {children}
    </AppShell>
  );
}
