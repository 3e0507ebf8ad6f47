import { SignedInFrame } from "@portal/ui/signed-in-frame";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { NAVIGATION } from "@/navigation";
import { setLocaleAction, signOutAction } from "@/server/actions";
import { getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const [session, headerStore] = await Promise.all([getSession(), headers()]);
  const path = headerStore.get("x-pathname") ?? "/";
  if (!session) redirect(`/sign-in?next=${encodeURIComponent(path)}`);
  return (
    <SignedInFrame
      variant="web"
      user={session.user}
      nav={NAVIGATION.filter((item) => item.roles.includes(session.user.role))}
      setLocaleAction={setLocaleAction}
      signOutAction={signOutAction}
    >
      {children}
    </SignedInFrame>
  );
}
