import {
  Badge,
  Card,
  CardContent,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  RememberListState,
} from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("jobs");
  return { title: t("outboxTitle") };
}

export default async function OutboxPage() {
  const [api, t, format] = await Promise.all([getApi(), getTranslations("jobs"), getFormatter()]);
  const messages = await api.jobs.outbox({ limit: 200 });
  return (
    <div className="flex flex-col gap-6">
      <RememberListState />
      <PageHeader title={t("outboxTitle")} description={t("outboxIntro")} />
      <Card>
        {messages.length === 0 ? (
          <CardContent>
            <EmptyState title={t("noMessages")} />
          </CardContent>
        ) : (
          <Table data-testid="outbox">
            <TableHeader>
              <TableRow>
                <TableHead>{t("created")}</TableHead>
                <TableHead>{t("to")}</TableHead>
                <TableHead>{t("subject")}</TableHead>
                <TableHead>{t("status")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {messages.map((message) => (
                <TableRow key={message.id}>
                  <TableCell>
                    {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                  </TableCell>
                  <TableCell>{message.to}</TableCell>
                  <TableCell>
                    <Link href={`/jobs/outbox/${message.id}`} className="underline-offset-2 hover:underline">
                      {message.subject}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Badge tone={message.status === "failed" ? "danger" : "neutral"}>
                      {t(`statuses.${message.status}`)}
                    </Badge>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </div>
  );
}
