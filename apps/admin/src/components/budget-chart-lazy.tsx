"use client";

import dynamic from "next/dynamic";
import type { ComponentProps } from "react";
import type { BudgetBarChart as Chart } from "./budget-charts";

// recharts is the heaviest package of the console: loaded after the page has hydrated, and only by pages that draw.
const Loaded = dynamic(() => import("./budget-charts").then((m) => m.BudgetBarChart), { ssr: false });

/** The budget bar chart, fetched when drawn; its height is kept while it loads, so the page does not jump. */
export function BudgetBarChart(props: ComponentProps<typeof Chart>) {
  return (
    <div style={{ minHeight: props.height ?? 300 }}>
      <Loaded {...props} />
    </div>
  );
}
