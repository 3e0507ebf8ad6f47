import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "./badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";
import { EmptyState } from "./empty-state";
import { PageHeader } from "./page-header";

/** The header's bell: a link to the list, with the unread count for eyes and for screen readers. */
export function NotificationBell({ unread, label }: { unread: number; label: string }) {
  return (
    <Link
      href="/notifications"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
      className="relative inline-flex h-9 w-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground"
    >
      <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth="2">
        <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      {unread > 0 ? (
        <span
          aria-hidden
          data-testid="notification-count"
          className="absolute -right-0.5 -top-0.5 min-w-[1.1rem] rounded-full bg-red-600 px-1 text-center text-[0.65rem] font-semibold leading-[1.1rem] text-white"
        >
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

export interface NotificationItem {
  id: string;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
  read: boolean;
}

/**
 * The notifications page of either app: the list (newest first, unread marked) and the e-mail settings. Each app
 * passes its own client controls, wired to its own API.
 */
export async function NotificationsPage({
  items,
  markAll,
  markOne,
  preferences,
  locale,
}: {
  items: NotificationItem[];
  markAll: ReactNode;
  markOne: (id: string) => ReactNode;
  preferences: ReactNode;
  locale: ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations("notifications"), getFormatter()]);
  const unread = items.filter((item) => !item.read).length;
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={t("title")} description={t("intro")} />
      <Card>
        <CardHeader row className="items-center justify-between gap-4">
          <CardTitle>{t("bellUnread", { count: unread })}</CardTitle>
          {unread > 0 ? markAll : null}
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
                  {item.read ? null : markOne(item.id)}
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
          <CardContent>{preferences}</CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t("languageTitle")}</CardTitle>
            <CardDescription>{t("languageIntro")}</CardDescription>
          </CardHeader>
          <CardContent>{locale}</CardContent>
        </Card>
      </div>
    </div>
  );
}
