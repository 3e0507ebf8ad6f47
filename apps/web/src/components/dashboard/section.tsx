import { Badge, Card, CardDescription, CardHeader, CardTitle, EmptyState } from "@portal/ui";
import { type ReactNode, useId } from "react";

/** A dashboard section: a titled card with a count, its table, or an empty state saying nothing is waiting. */
export function DashboardSection({
  anchor,
  title,
  description,
  total,
  atLeast = false,
  shown,
  empty,
  more,
  children,
}: {
  /** The URL fragment the dashboard's summary links to (`#payments`), and the section's test id. */
  anchor: string;
  title: string;
  description?: string;
  total: number;
  /** The count stopped at its cap: there are at least `total`. */
  atLeast?: boolean;
  shown: number;
  empty: string;
  more: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card id={anchor} aria-labelledby={titleId} data-testid={`section-${anchor}`} className="scroll-mt-20">
      <CardHeader>
        <CardTitle>
          <span id={titleId} className="flex items-center gap-2">
            {title}
            <Badge tone={total > 0 ? "info" : "neutral"} data-testid={`count-${anchor}`}>
              {total}
              {atLeast ? "+" : ""}
            </Badge>
          </span>
        </CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      {total === 0 ? (
        <div className="px-5 py-4">
          <EmptyState title={empty} />
        </div>
      ) : (
        <>
          {children}
          {shown < total ? <p className="px-5 py-3 text-xs text-muted-foreground">{more}</p> : null}
        </>
      )}
    </Card>
  );
}
