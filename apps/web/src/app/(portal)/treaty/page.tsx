import { isIsoDate, MAX_SEARCH_LENGTH, TREATY_STANDINGS, type TreatyStanding } from "@portal/domain";
import {
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  formatIsoDate,
  PageHeader,
  PageSection,
} from "@portal/ui";
import { getFormatter, getTranslations } from "next-intl/server";
import { PartiesTimeline } from "@/components/treaty/parties-timeline";
import { StatesTable } from "@/components/treaty/states-table";
import { TreatyFilters } from "@/components/treaty/treaty-filters";
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

      <PageSection title={t("standingOn", { date: date(tracker.on) })}>
        <TreatyFilters on={on ?? tracker.today} standing={standing} query={params.q} filtered={filtered} />
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {t("count", { count: tracker.states.length })} ·{" "}
          {t("totalsOn", { date: date(tracker.on), joined: tracker.totals.joined, inForce: tracker.totals.inForce })}
        </p>
        {tracker.states.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <StatesTable tracker={tracker} />
        )}
      </PageSection>
    </div>
  );
}
