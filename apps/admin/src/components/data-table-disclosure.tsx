import type { ReactNode } from "react";

/** The data table behind a chart, one keyboard press away (a native <details>, so no script is needed). */
export function DataTableDisclosure({ summary, children }: { summary: string; children: ReactNode }) {
  return (
    <details className="group rounded-md border border-border">
      <summary className="cursor-pointer select-none rounded-md px-3 py-2 text-sm font-medium hover:bg-muted">
        {summary}
      </summary>
      <div className="border-t border-border">{children}</div>
    </details>
  );
}
