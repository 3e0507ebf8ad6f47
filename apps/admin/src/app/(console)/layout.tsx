import { AppShell, LanguageSwitch, UserMenu } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { isActive, NAVIGATION } from "@/navigation";
import { getSession } from "@/server/caller";
import { setLocaleAction, signOutAction } from "@/server/actions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [session, headerStore] = await Promise.all([getSession(), headers()]);
  const path = headerStore.get("x-pathname") ?? "/";
  if (!session) {
    redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  }
  const [t, locale] = await Promise.all([getTranslations(), getLocale()]);
  const { user } = session;
  const nav = NAVIGATION.map((item) => ({
    href: item.href,
    label: t(`nav.${item.label}`),
    active: isActive(item.href, path),
  }));
  return (
    <AppShell
      productName={t("common.adminProductName")}
      skipLabel={t("common.skipToContent")}
      navLabel={t("common.mainNavigation")}
      nav={nav}
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
