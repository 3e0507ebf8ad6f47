import { NotificationsPage } from "@portal/ui/notifications-page";
import { getTranslations } from "next-intl/server";
import { LocaleForm, MarkRead, PreferencesForm } from "@/components/notifications/notification-controls";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function Notifications() {
  const api = await getApi();
  const [items, settings] = await Promise.all([api.notifications.list({ limit: 100 }), api.notifications.settings()]);
  return (
    <NotificationsPage
      items={items}
      markAll={<MarkRead />}
      markOne={(id) => <MarkRead id={id} />}
      preferences={<PreferencesForm initial={settings.preferences} />}
      locale={<LocaleForm initial={settings.locale} />}
    />
  );
}
