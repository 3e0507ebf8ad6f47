import { Badge, Card, CardContent, CardHeader } from "@portal/ui";
import type { ReactNode } from "react";

/** One of the treaty page's headline figures, its source document's own figure beside it, and whether they agree. */
export function FigureCard({
  title,
  value,
  source,
  agrees,
  agreesLabel,
  differsLabel,
  children,
  testId,
}: {
  title: string;
  value: ReactNode;
  source: string;
  agrees: boolean;
  agreesLabel: string;
  differsLabel: string;
  children?: ReactNode;
  testId: string;
}) {
  return (
    <Card className="flex flex-col" data-testid={testId}>
      <CardHeader>
        <h2 className="text-sm font-medium text-muted-foreground">{title}</h2>
        <p className="text-3xl font-semibold tabular-nums" data-testid={`${testId}-value`}>
          {value}
        </p>
      </CardHeader>
      <CardContent className="flex flex-1 flex-col gap-2 text-sm">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-muted-foreground">{source}</span>
          <Badge tone={agrees ? "success" : "danger"}>
            <span aria-hidden>{agrees ? "✓" : "≠"}</span>
            <span className="sr-only">{agrees ? agreesLabel : differsLabel}</span>
          </Badge>
        </p>
        {children}
      </CardContent>
    </Card>
  );
}
