import { Badge, Card, CardContent, CardDescription, CardHeader, CardTitle, EmptyState, PageHeader } from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { LocaleForm } from "@/components/notifications/locale-form";
import { MarkRead } from "@/components/notifications/mark-read";
import { PreferencesForm } from "@/components/notifications/preferences-form";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("notifications");
  return { title: t("title") };
}

export default async function NotificationsPage() {
  const [api, t, format] = await Promise.all([getApi(), getTranslations("notifications"), getFormatter()]);
  const [items, settings] = await Promise.all([api.notifications.list({ limit: 100 }), api.notifications.settings()]);
  const unread = items.filter((item) => !item.read).length;

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardHeader className="flex flex-row items-center justify-between gap-4">
          <CardTitle>{t("bellUnread", { count: unread })}</CardTitle>
          {unread > 0 ? <MarkRead /> : null}
        </CardHeader>
        <CardContent>
          {items.length === 0 ? (
            <EmptyState title={t("empty")} />
          ) : (
            <ul className="divide-y divide-border" data-testid="notification-list">
              {items.map((item) => (
                <li key={item.id} className="flex flex-wrap items-start justify-between gap-3 py-3">
                  <div className="flex flex-col gap-1">
                    <p className="flex items-center gap-2 font-medium">
                      {item.read ? null : <Badge tone="info">{t("unread")}</Badge>}
                      <Link href={item.link} className="underline-offset-2 hover:underline">
                        {item.title}
                      </Link>
                    </p>
                    <p className="text-sm text-muted-foreground">{item.body}</p>
                    <p className="text-xs text-muted-foreground">
                      {format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </p>
                  </div>
                  {item.read ? null : <MarkRead id={item.id} />}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      <div className="grid gap-6 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t("preferencesTitle")}</CardTitle>
            <CardDescription>{t("preferencesIntro")}</CardDescription>
          </CardHeader>
          <CardContent>
            <PreferencesForm initial={settings.preferences} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("languageTitle")}</CardTitle>
            <CardDescription>{t("languageIntro")}</CardDescription>
          </CardHeader>
          <CardContent>
            <LocaleForm initial={settings.locale} />
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
