import { NotificationBell } from "@portal/ui/notifications-page";
import { SignedInFrame } from "@portal/ui/signed-in-frame";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { NAVIGATION } from "@/navigation";
import { setLocaleAction, signOutAction } from "@/server/actions";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const [session, headerStore] = await Promise.all([getSession(), headers()]);
  const path = headerStore.get("x-pathname") ?? "/";
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  const [unread, t] = await Promise.all([
    getApi().then((api) => api.notifications.unreadCount()),
    getTranslations("notifications"),
  ]);
  return (
    <SignedInFrame
      variant="web"
      user={session.user}
      nav={NAVIGATION.filter((item) => item.roles.includes(session.user.role))}
      setLocaleAction={setLocaleAction}
      signOutAction={signOutAction}
      bellSlot={<NotificationBell unread={unread} label={t("bellUnread", { count: unread })} />}
    >
      {children}
    </SignedInFrame>
  );
}
