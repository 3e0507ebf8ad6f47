import { NotificationBell } from "@portal/ui/notifications-page";
import { SignedInFrame } from "@portal/ui/signed-in-frame";
import { getTranslations } from "next-intl/server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NAVIGATION } from "@/navigation";
import { setLocaleAction, signOutAction } from "@/server/actions";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const [session, headerStore] = await Promise.all([getSession(), headers()]);
  const path = headerStore.get("x-pathname") ?? "/";
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  // Admins receive notifications too (allocations nearly exhausted, failed jobs): the same bell as the portal's.
  const [unread, t] = await Promise.all([
    getApi().then((api) => api.notifications.unreadCount()),
    getTranslations("notifications"),
  ]);
  return (
    <SignedInFrame
      variant="admin"
      user={session.user}
      nav={NAVIGATION}
      setLocaleAction={setLocaleAction}
      signOutAction={signOutAction}
      bellSlot={<NotificationBell unread={unread} label={t("bellUnread", { count: unread })} />}
    >
      {children}
    </SignedInFrame>
  );
}
