import { getTranslations } from "next-intl/server";
import { ForgotPasswordForm } from "@/components/notifications/forgot-password-form";
import { PublicCard } from "@/components/notifications/public-card";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications.forgot");
  return { title: t("title") };
}

export default async function ForgotPasswordPage() {
  const t = await getTranslations("notifications.forgot");
  return (
    <PublicCard title={t("title")} description={t("intro")}>
      <ForgotPasswordForm />
    </PublicCard>
  );
}
