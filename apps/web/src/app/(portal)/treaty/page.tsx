import { isIsoDate, TREATY_STANDINGS, type TreatyStanding, localized } from "@portal/domain";
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
  ProvenanceBadge,
  Select,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { formatIsoDate } from "@/components/treaty/dates";
import { FigureCard } from "@/components/treaty/figure-card";
import { filterStates } from "@/components/treaty/filter-states";
import { PartiesTimeline } from "@/components/treaty/parties-timeline";
import { StandingBadge } from "@/components/treaty/standing-badge";
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
  const [api, t, locale, format] = await Promise.all([
    getApi(),
    getTranslations("treaty"),
    getLocale(),
    getFormatter(),
  ]);
  const [tracker, figures] = await Promise.all([api.treaty.tracker({ on }), api.treaty.figures()]);
  const name = (s: { nameEn: string; nameFr: string }) => localized(s, "name", locale);
  const date = (iso: string, precision: "day" | "month" | "year" = "day") => formatIsoDate(format, iso, precision);
  const standing = (TREATY_STANDINGS as readonly string[]).includes(params.standing ?? "")
    ? (params.standing as TreatyStanding)
    : undefined;
  const states = filterStates(tracker.states, { standing, q: params.q, locale });
  const filtered = Boolean(params.on || params.q || standing);

  return (
    <div className="flex flex-col gap-8">
      <PageHeader title={t("title")} description={t("description")} />

      <section aria-labelledby="figures-title" className="flex flex-col gap-3">
        <div>
          <h2 id="figures-title" className="text-lg font-semibold">
            {t("figuresTitle")}
          </h2>
          <p className="max-w-3xl text-sm text-muted-foreground">{t("figuresDescription")}</p>
        </div>
        <div className="grid gap-4 lg:grid-cols-3">
          <FigureCard
            testId="figure-joined"
            title={`${t("joinedTitle")} ${t("joinedBy", { date: date(figures.joined.by) })}`}
            value={figures.joined.count}
            source={t("sourceSays", { value: figures.source.joined })}
            agrees={figures.joined.agreesWithSource}
            agreesLabel={t("agrees")}
            differsLabel={t("differs")}
          >
            <p className="text-muted-foreground">{t("joinedNote")}</p>
            <div>
              <ProvenanceBadge provenance="public-record" />
            </div>
          </FigureCard>
          <FigureCard
            testId="figure-stockpiles"
            title={`${t("stockpilesTitle")} ${t("joinedBy", { date: date(figures.stockpiles.by) })}`}
            value={figures.stockpiles.count}
            source={t("sourceSays", { value: figures.source.completed })}
            agrees={figures.stockpiles.agreesWithSource}
            agreesLabel={t("agrees")}
            differsLabel={t("differs")}
          >
            <p className="text-muted-foreground">
              {t("stockpilesIllustrative", {
                illustrative: figures.stockpiles.illustrative,
                sourced: figures.stockpiles.count - figures.stockpiles.illustrative,
                count: figures.stockpiles.count,
              })}
            </p>
            <h3 className="mt-1 font-medium">
              {t("periodTitle", {
                from: date(figures.stockpiles.period.from),
                to: date(figures.stockpiles.period.to),
              })}{" "}
              <span className="tabular-nums" data-testid="figure-period-count">
                ({figures.stockpiles.period.states.length})
              </span>
            </h3>
            <ul className="flex flex-col gap-1" data-testid="figure-period-states">
              {figures.stockpiles.period.states.map((s) => (
                <li key={s.iso2} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{name(s)}</span>
                  <span className="text-muted-foreground">{date(s.completedOn, s.precision)}</span>
                  <ProvenanceBadge provenance={s.provenance} />
                  {s.source ? (
                    <a href={s.source} className="text-xs link" rel="noreferrer">
                      {t("sourceLink")}
                    </a>
                  ) : null}
                </li>
              ))}
            </ul>
          </FigureCard>
          <FigureCard
            testId="figure-producers"
            title={t("producersTitle")}
            value={t("producersValue", { before: figures.producers.before, still: figures.producers.still })}
            source={t("sourceSays", {
              value: t("producersValue", {
                before: figures.source.producersBefore,
                still: figures.source.producersStill,
              }),
            })}
            agrees={figures.producers.agreesWithSource}
            agreesLabel={t("agrees")}
            differsLabel={t("differs")}
          >
            <p className="text-muted-foreground">
              {t("producersNote", { before: figures.producers.before, still: figures.producers.still })}
            </p>
            <p className="flex flex-wrap items-center gap-2 text-muted-foreground">
              <ProvenanceBadge provenance="illustrative" />
              {t("producersIllustrative")}
            </p>
            <h3 className="mt-1 font-medium">{t("likelyStoppedTitle")}</h3>
            <ul className="flex flex-col gap-1" data-testid="figure-likely-stopped">
              {figures.producers.likelyStopped.map((p) => (
                <li key={p.iso2} className="flex flex-wrap items-center gap-2">
                  <span className="font-medium">{name(p)}</span>
                  <ProvenanceBadge provenance={p.provenance} />
                </li>
              ))}
            </ul>
          </FigureCard>
        </div>
      </section>

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
          {t("count", { count: states.length })} ·{" "}
          {t("totalsOn", { date: date(tracker.on), joined: tracker.totals.joined, inForce: tracker.totals.inForce })}
        </p>
        {states.length === 0 ? (
          <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
        ) : (
          <Card>
            <Table data-testid="treaty-table">
              <TableCaption className="px-3 pb-3">{t("tableCaption")}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>{t("state")}</TableHead>
                  <TableHead>{t("standingOn", { date: date(tracker.on) })}</TableHead>
                  <TableHead>{t("signed")}</TableHead>
                  <TableHead>{t("deposited")}</TableHead>
                  <TableHead>{t("entryIntoForce")}</TableHead>
                  <TableHead>{t("stockpileDeadline")}</TableHead>
                  <TableHead>{t("stockpileCompleted")}</TableHead>
                  <TableHead>{t("producer")}</TableHead>
                  <TableHead>{t("withdrawal")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {states.map((s) => (
                  <TableRow key={s.iso2} data-testid={`treaty-row-${s.iso2}`}>
                    <TableHead
                      scope="row"
                      className="h-auto py-2.5 text-sm font-medium normal-case tracking-normal text-foreground"
                    >
                      {name(s)}
                    </TableHead>
                    <TableCell className="whitespace-nowrap">
                      <StandingBadge standing={s.standing} />
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.treaty?.signedOn ? date(s.treaty.signedOn) : t("none")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.treaty?.depositedOn ? (
                        <>
                          {date(s.treaty.depositedOn)}
                          {s.treaty.joinMethod ? (
                            <div className="text-xs text-muted-foreground">{t(`method.${s.treaty.joinMethod}`)}</div>
                          ) : null}
                        </>
                      ) : (
                        t("none")
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.treaty?.entryIntoForceOn ? date(s.treaty.entryIntoForceOn) : t("none")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.treaty?.stockpileDeadlineOn ? date(s.treaty.stockpileDeadlineOn) : t("none")}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">
                      {s.stockpile ? (
                        <div className="flex flex-col items-start gap-1">
                          <span>{date(s.stockpile.completedOn, s.stockpile.precision)}</span>
                          <ProvenanceBadge provenance={s.stockpile.provenance} />
                        </div>
                      ) : (
                        t("none")
                      )}
                    </TableCell>
                    <TableCell>
                      {s.producer ? (
                        <div className="flex flex-col items-start gap-1">
                          <span>
                            {t(
                              `producerStatus.${
                                s.producer.likelyStopped
                                  ? "likelyStopped"
                                  : s.producer.stillProducing2002
                                    ? "still"
                                    : "stopped"
                              }`,
                            )}
                          </span>
                          <ProvenanceBadge provenance={s.producer.provenance} />
                        </div>
                      ) : (
                        t("notProducer")
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap text-xs">
                      {s.treaty?.withdrawalEffectiveOn ? (
                        <>
                          {s.treaty.withdrawalNotifiedOn ? (
                            <div>{t("withdrawalNotified", { date: date(s.treaty.withdrawalNotifiedOn) })}</div>
                          ) : null}
                          <div>{t("withdrawalEffective", { date: date(s.treaty.withdrawalEffectiveOn) })}</div>
                        </>
                      ) : (
                        t("none")
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Card>
        )}
      </section>
    </div>
  );
}
