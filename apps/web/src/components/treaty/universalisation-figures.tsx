import { localized } from "@portal/domain";
import { formatIsoDate, PageSection, ProvenanceBadge } from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { FigureCard } from "./figure-card";
import type { FiguresView } from "./treaty-views";

/** The treaty page's three headline figures, each beside its source document's own figure. */
export function UniversalisationFigures({ figures }: { figures: FiguresView }) {
  const t = useTranslations("treaty");
  const locale = useLocale();
  const format = useFormatter();
  const date = (iso: string, precision: "day" | "month" | "year" = "day") => formatIsoDate(format, iso, precision);
  const verdict = { agreesLabel: t("agrees"), differsLabel: t("differs") };
  return (
    <PageSection title={t("figuresTitle")} description={t("figuresDescription")}>
      <div className="grid gap-4 lg:grid-cols-3">
        <FigureCard
          testId="figure-joined"
          title={`${t("joinedTitle")} ${t("joinedBy", { date: date(figures.joined.by) })}`}
          value={figures.joined.count}
          source={t("sourceSays", { value: figures.source.joined })}
          agrees={figures.joined.agreesWithSource}
          {...verdict}
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
          {...verdict}
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
                <span className="font-medium">{localized(s, "name", locale)}</span>
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
          {...verdict}
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
                <span className="font-medium">{localized(p, "name", locale)}</span>
                <ProvenanceBadge provenance={p.provenance} />
              </li>
            ))}
          </ul>
        </FigureCard>
      </div>
    </PageSection>
  );
}
