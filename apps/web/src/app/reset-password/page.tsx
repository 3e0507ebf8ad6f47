import { Alert, Button } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { PublicCard } from "@/components/notifications/public-card";
import { ResetPasswordForm } from "@/components/notifications/reset-password-form";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications.reset");
  // The token is in the address: keep it out of Referer headers.
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, t, tf] = await Promise.all([
    searchParams,
    getTranslations("notifications.reset"),
    getTranslations("notifications.forgot"),
  ]);
  return (
    <PublicCard title={t("title")}>
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <>
          <Alert>{tf("intro")}</Alert>
          <Button asChild variant="outline">
            <Link href="/forgot-password">{tf("title")}</Link>
          </Button>
        </>
      )}
    </PublicCard>
  );
}
