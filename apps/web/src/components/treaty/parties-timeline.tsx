import { formatIsoDate, Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@portal/ui";
import { useFormatter, useTranslations } from "next-intl";
import { useId } from "react";

export interface TimelinePoint {
  date: string;
  joined: number;
  inForce: number;
}

const WIDTH = 720;
const HEIGHT = 280;
const MARGIN = { top: 16, right: 24, bottom: 36, left: 44 };

/**
 * States Parties over time as an SVG line chart (no chart library: it renders on the server and prints), described
 * for screen readers by its title and summary, with the same figures in a table below it.
 */
export function PartiesTimeline({ points }: { points: readonly TimelinePoint[] }) {
  const t = useTranslations("treaty");
  const format = useFormatter();
  const chartId = useId();
  if (points.length === 0) return null;
  const last = points.at(-1)!;
  const max = Math.max(...points.map((p) => p.joined), 1);
  const top = Math.ceil(max / 40) * 40;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (index: number) => MARGIN.left + (points.length === 1 ? 0 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => MARGIN.top + plotHeight - (value / top) * plotHeight;
  const path = (value: (p: TimelinePoint) => number) =>
    points.map((p, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(value(p)).toFixed(1)}`).join(" ");
  const ticks = Array.from({ length: top / 40 + 1 }, (_, i) => i * 40);
  const labelEvery = Math.max(1, Math.ceil(points.length / 10));
  const label = (p: TimelinePoint) =>
    p.date.endsWith("-12-31") ? t("yearEnd", { year: p.date.slice(0, 4) }) : formatIsoDate(format, p.date);
  const title = t("chartTitle", { from: points[0]!.date.slice(0, 4), to: last.date.slice(0, 4) });

  return (
    <figure className="flex flex-col gap-3" data-testid="parties-timeline">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-labelledby={`${chartId}title ${chartId}desc`}
        className="h-auto w-full max-w-3xl"
      >
        <title id={`${chartId}title`}>{title}</title>
        <desc id={`${chartId}desc`}>
          {t("chartSummary", { joined: last.joined, inForce: last.inForce, date: formatIsoDate(format, last.date) })}
        </desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line
              x1={MARGIN.left}
              x2={WIDTH - MARGIN.right}
              y1={y(tick)}
              y2={y(tick)}
              className="stroke-border"
              strokeWidth={1}
            />
            <text x={MARGIN.left - 8} y={y(tick) + 4} textAnchor="end" className="fill-muted-foreground text-[11px]">
              {format.number(tick)}
            </text>
          </g>
        ))}
        {points.map((p, i) =>
          i % labelEvery === 0 || i === points.length - 1 ? (
            <text
              key={p.date}
              x={x(i)}
              y={HEIGHT - MARGIN.bottom + 18}
              textAnchor="middle"
              className="fill-muted-foreground text-[11px]"
            >
              {p.date.slice(0, 4)}
            </text>
          ) : null,
        )}
        <path
          d={path((p) => p.inForce)}
          fill="none"
          className="stroke-emerald-700"
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        <path d={path((p) => p.joined)} fill="none" className="stroke-primary" strokeWidth={2.5} />
        {points.map((p, i) => (
          <circle key={p.date} cx={x(i)} cy={y(p.joined)} r={3} className="fill-primary">
            <title>{`${label(p)}: ${p.joined}`}</title>
          </circle>
        ))}
      </svg>
      <figcaption className="flex flex-wrap gap-4 text-sm">
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block h-0.5 w-6 bg-primary" />
          {t("joinedSeries")}
        </span>
        <span className="flex items-center gap-2">
          <span aria-hidden className="inline-block w-6 border-t-2 border-dashed border-emerald-700" />
          {t("inForceSeries")}
        </span>
      </figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-link">{t("showTable")}</summary>
        <Table data-testid="timeline-table" className="mt-2 max-w-xl">
          <TableHeader>
            <TableRow>
              <TableHead>{t("pointDate")}</TableHead>
              <TableHead numeric>{t("joinedSeries")}</TableHead>
              <TableHead numeric>{t("inForceSeries")}</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {points.map((p) => (
              <TableRow key={p.date}>
                <TableCell>{label(p)}</TableCell>
                <TableCell numeric>{p.joined}</TableCell>
                <TableCell numeric>{p.inForce}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </details>
    </figure>
  );
}
