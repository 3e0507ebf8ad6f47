import { Alert } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import { PublicCard } from "@/components/notifications/public-card";
import { UnsubscribeButton } from "@/components/notifications/unsubscribe-button";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications.unsubscribe");
  return { title: t("title"), referrer: "no-referrer" };
}

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<{ token?: string }> }) {
  const [{ token }, api, t, tn] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("notifications.unsubscribe"),
    getTranslations("notifications"),
  ]);
  const target =
    token && token.length <= 500 ? await api.publicAccount.describeUnsubscribe({ token }).catch(() => null) : null;
  return (
    <PublicCard title={t("title")}>
      {target && token ? (
        <UnsubscribeButton token={token} category={tn(`categories.${target.category}`)} />
      ) : (
        <Alert>{t("invalid")}</Alert>
      )}
    </PublicCard>
  );
}
