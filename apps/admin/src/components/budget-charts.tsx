"use client";

import { formatMoney } from "@portal/domain";
import { intlLocale } from "@portal/ui";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Colours of the three budget measures, the same in every chart (distinguishable without colour vision too: legend and table). */
export const MEASURE_COLOURS = { allocated: "#94a3b8", committed: "#2563eb", disbursed: "#c2410c" } as const;
type Measure = keyof typeof MEASURE_COLOURS;

export interface ChartDatum {
  /** The category's short label on the axis (programme code, quarter, partner acronym). */
  label: string;
  /** Where a click on this category's bars leads: the grants and disbursements behind it. */
  href: string;
  allocated?: number;
  committed?: number;
  disbursed?: number;
}

/** Compact CAD on the axis ("$1.5M", "1,5 M$"); full amounts in the tooltip and the table. */
function axisMoney(locale: string) {
  const format = new Intl.NumberFormat(intlLocale(locale), {
    style: "currency",
    currency: "CAD",
    notation: "compact",
    maximumFractionDigits: 1,
  });
  return (cents: number) => format.format(cents / 100);
}

/**
 * A bar chart of budget measures in cents. Clicking a bar opens its drill-down; the same links are in the data table
 * next to the chart, which is the keyboard and screen-reader way to the figures.
 */
export function BudgetBarChart({
  data,
  measures,
  names,
  locale,
  layout = "horizontal",
  height = 300,
  describedBy,
  testId,
}: {
  data: ChartDatum[];
  measures: Measure[];
  names: Record<Measure, string>;
  locale: string;
  layout?: "horizontal" | "vertical";
  height?: number;
  /** The id of the caption that says what the chart shows. */
  describedBy: string;
  testId: string;
}) {
  const router = useRouter();
  const tick = axisMoney(locale);
  const money = (cents: number) => formatMoney(cents, "CAD", intlLocale(locale));
  const vertical = layout === "vertical";
  return (
    <div className="h-full w-full" data-testid={testId} aria-describedby={describedBy} role="group">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={data}
          layout={vertical ? "vertical" : "horizontal"}
          margin={{ top: 8, right: 16, bottom: 8, left: vertical ? 8 : 16 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={vertical} horizontal={!vertical} />
          {vertical ? (
            <>
              <XAxis type="number" tickFormatter={tick} fontSize={12} />
              <YAxis type="category" dataKey="label" width={90} fontSize={12} />
            </>
          ) : (
            <>
              <XAxis dataKey="label" fontSize={12} />
              <YAxis tickFormatter={tick} width={72} fontSize={12} />
            </>
          )}
          <Tooltip formatter={(value) => money(Number(value))} cursor={{ fill: "rgba(148, 163, 184, 0.15)" }} />
          <Legend formatter={(value: string) => <span className="text-sm text-foreground">{value}</span>} />
          {measures.map((measure) => (
            <Bar
              key={measure}
              dataKey={measure}
              name={names[measure]}
              fill={MEASURE_COLOURS[measure]}
              cursor="pointer"
              onClick={(_, index) => {
                const datum = data[index];
                if (datum) router.push(datum.href);
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
