import { Breadcrumbs, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, PageHeader } from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { cache } from "react";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

/** One read per request: the title and the body show the same message. */
const loadMessage = cache(async (id: string) => {
  const api = await getApi();
  return orNotFound(() => api.jobs.message({ id }));
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t] = await Promise.all([params, getTranslations("jobs")]);
  const message = await loadMessage(id);
  // The message may hold a one-time link: keep it out of Referer headers.
  return { title: `${message.subject} · ${t("outboxTitle")}`, referrer: "no-referrer" };
}

/** One message as it is (or would be) sent: the HTML part in a sandboxed frame, and the plain-text part. */
export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [message, t, tw, format] = await Promise.all([
    loadMessage(id),
    getTranslations("jobs"),
    getTranslations("wayfinding"),
    getFormatter(),
  ]);
  return (
    <div className="flex flex-col gap-6">
      <Breadcrumbs
        label={tw("breadcrumbs")}
        items={[{ label: t("outboxTitle"), href: "/jobs/outbox", list: true }, { label: message.subject }]}
      />
      <PageHeader
        title={message.subject}
        description={`${t("to")}: ${message.toAddress} · ${format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })} · ${t(`statuses.${message.status}`)}`}
        actions={
          <Button asChild variant="outline">
            <Link href="/jobs/outbox">{t("back")}</Link>
          </Button>
        }
      />
      <Card>
        <iframe
          title={message.subject}
          sandbox=""
          srcDoc={message.htmlBody}
          className="h-[32rem] w-full rounded-md bg-white"
          data-testid="outbox-html"
        />
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("plainText")}</CardTitle>
          <CardDescription>{message.locale.toUpperCase()}</CardDescription>
        </CardHeader>
        <CardContent>
          <pre className="whitespace-pre-wrap break-words text-sm" data-testid="outbox-text">
            {message.textBody}
          </pre>
        </CardContent>
      </Card>
    </div>
  );
}
