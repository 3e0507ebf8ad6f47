import { isIsoDate, MAX_SEARCH_LENGTH, TREATY_STANDINGS, type TreatyStanding } from "@portal/domain";
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Input,
  Label,
  PageHeader,
  Select,
} from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatIsoDate } from "@/components/treaty/dates";
import { PartiesTimeline } from "@/components/treaty/parties-timeline";
import { StatesTable } from "@/components/treaty/states-table";
import { UniversalisationFigures } from "@/components/treaty/universalisation-figures";
import { getApi } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("treaty");
  return { title: t("title") };
}

type Search = { on?: string; q?: string; standing?: string };

export default async function TreatyPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const on = params.on && isIsoDate(params.on) ? params.on : undefined;
  const standing = (TREATY_STANDINGS as readonly string[]).includes(params.standing ?? "")
    ? (params.standing as TreatyStanding)
    : undefined;
  const q = params.q?.slice(0, MAX_SEARCH_LENGTH) || undefined;
  const [api, t, format] = await Promise.all([getApi(), getTranslations("treaty"), getFormatter()]);
  const [tracker, figures] = await Promise.all([api.treaty.tracker({ on, standing, q }), api.treaty.figures()]);
  const date = (iso: string) => formatIsoDate(format, iso);
  const filtered = Boolean(params.on || params.q || standing);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} description={t("description")} />
      <UniversalisationFigures figures={figures} />

      <Card>
        <CardHeader>
          <CardTitle>{t("timelineTitle")}</CardTitle>
          <CardDescription>{t("timelineDescription")}</CardDescription>
        </CardHeader>
        <CardContent>
          <PartiesTimeline points={tracker.timeline} />
        </CardContent>
      </Card>

      <section aria-labelledby="states-title" className="flex flex-col gap-3">
        <h2 id="states-title" className="text-lg font-semibold">
          {t("standingOn", { date: date(tracker.on) })}
        </h2>
        <form method="get" action="/treaty" className="flex flex-wrap items-end gap-3" aria-label={t("filters")}>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="on">{t("statusOn")}</Label>
            <Input id="on" name="on" type="date" defaultValue={on ?? tracker.today} className="w-44" />
          </div>
          <div className="flex flex-col gap-1.5">
            <Label htmlFor="standing">{t("standingFilter")}</Label>
            <Select id="standing" name="standing" defaultValue={standing ?? ""}>
              <option value="">{t("allStandings")}</option>
              {TREATY_STANDINGS.map((s) => (
                <option key={s} value={s}>
                  {t(`standing.${s}`)}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex min-w-56 flex-1 flex-col gap-1.5">
            <Label htmlFor="q">{t("search")}</Label>
            <Input id="q" name="q" type="search" defaultValue={params.q ?? ""} placeholder={t("searchPlaceholder")} />
          </div>
          <Button type="submit">{t("apply")}</Button>
          {filtered ? (
            <Button asChild variant="ghost">
              <Link href="/treaty">{t("clear")}</Link>
            </Button>
          ) : null}
        </form>
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t("count", { count: tracker.states.length })} ·{" "}
          {t("totalsOn", { date: date(tracker.on), joined: tracker.totals.joined, inForce: tracker.totals.inForce })}
        </p>
        {tracker.states.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <StatesTable tracker={tracker} />
        )}
      </section>
    </div>
  );
}
