import type { ReactNode } from "react";
import { cn } from "./cn";

export interface Figure {
  label: ReactNode;
  value: ReactNode;
  testId?: string;
}

/**
 * Headline figures as one description list. Each card is a `<div>` wrapping its `<dt>`/`<dd>` pair: the only
 * grouping element a `<dl>` may contain (a `<section>` there breaks the list for screen readers).
 */
export function FigureCards({
  figures,
  className,
  testId,
}: {
  figures: Figure[];
  className?: string;
  testId?: string;
}) {
  return (
    <dl className={cn("grid grid-cols-2 gap-3 lg:grid-cols-4", className)} data-testid={testId}>
      {figures.map((figure, index) => (
        <div key={figure.testId ?? index} className="rounded-lg border border-border bg-card px-5 py-4 shadow-sm">
          <dt className="text-xs font-semibold uppercase tracking-wide text-muted-foreground">{figure.label}</dt>
          <dd className="mt-1 text-lg font-semibold tabular-nums" data-testid={figure.testId}>
            {figure.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
