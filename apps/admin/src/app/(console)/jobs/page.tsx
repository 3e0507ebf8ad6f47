import {
  Badge,
  type BadgeTone,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  PageHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("jobs");
  return { title: t("title") };
}

const STATE_TONES: Record<string, BadgeTone> = {
  completed: "success",
  failed: "danger",
  retry: "warning",
  active: "info",
  created: "neutral",
  cancelled: "neutral",
};

export default async function JobsPage() {
  const [api, t, format] = await Promise.all([getApi(), getTranslations("jobs"), getFormatter()]);
  const overview = await api.jobs.overview();
  const when = (at: Date | null) =>
    at ? format.dateTime(at, { dateStyle: "medium", timeStyle: "short" }) : t("never");
  const name = (job: string) => (t.has(`names.${job}`) ? t(`names.${job}` as "names.daily-digest") : job);

  const jobTable = (rows: typeof overview.recent, testId: string) => (
    <Table data-testid={testId}>
      <TableHeader>
        <TableRow>
          <TableHead>{t("name")}</TableHead>
          <TableHead>{t("state")}</TableHead>
          <TableHead>{t("created")}</TableHead>
          <TableHead>{t("completed")}</TableHead>
          <TableHead numeric>{t("retries")}</TableHead>
          <TableHead>{t("output")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((job) => (
          <TableRow key={job.id}>
            <TableCell>{name(job.name)}</TableCell>
            <TableCell>
              <Badge tone={STATE_TONES[job.state] ?? "neutral"}>{job.state}</Badge>
            </TableCell>
            <TableCell>{when(job.createdAt)}</TableCell>
            <TableCell>{when(job.completedAt)}</TableCell>
            <TableCell numeric>{job.retries}</TableCell>
            <TableCell className="max-w-md truncate font-mono text-xs" title={job.output}>
              {job.output}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={t("title")}
        description={t("intro")}
        actions={
          <Button asChild variant="outline">
            <Link href="/jobs/outbox">{t("outboxTitle")}</Link>
          </Button>
        }
      />
      <Card>
        <CardHeader>
          <CardTitle>{t("schedulesTitle")}</CardTitle>
        </CardHeader>
        <Table data-testid="job-schedules">
          <TableHeader>
            <TableRow>
              <TableHead>{t("schedule")}</TableHead>
              <TableHead>{t("cron")}</TableHead>
              <TableHead>{t("lastRun")}</TableHead>
              <TableHead>{t("nextRun")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {overview.schedules.map((schedule) => (
              <TableRow key={schedule.name}>
                <TableCell>{name(schedule.name)}</TableCell>
                <TableCell className="font-mono text-xs">{schedule.cron}</TableCell>
                <TableCell>{when(schedule.lastFiredAt)}</TableCell>
                <TableCell>{when(schedule.nextRunAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("failedTitle")}</CardTitle>
        </CardHeader>
        {overview.failures.length === 0 ? (
          <CardContent>
            <EmptyState title={t("noFailures")} />
          </CardContent>
        ) : (
          jobTable(overview.failures, "job-failures")
        )}
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>{t("recentTitle")}</CardTitle>
          <CardDescription>{t("intro")}</CardDescription>
        </CardHeader>
        {overview.recent.length === 0 ? (
          <CardContent>
            <EmptyState title={t("noJobs")} />
          </CardContent>
        ) : (
          jobTable(overview.recent, "recent-jobs")
        )}
      </Card>
    </div>
  );
}
