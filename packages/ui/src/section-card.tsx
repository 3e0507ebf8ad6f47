import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";

/** A titled card for one part of a detail page, with an optional description and actions on the right. */
export function SectionCard({
  id,
  title,
  description,
  actions,
  testId,
  children,
}: {
  /** When given, the card is labelled by its title for screen readers. */
  id?: string;
  title: string;
  description?: string;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <Card aria-labelledby={id ? `${id}-title` : undefined} data-testid={testId}>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle id={id ? `${id}-title` : undefined}>{title}</CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {actions}
      </CardHeader>
      {children}
    </Card>
  );
}

/** What a section card says in place of its content when it has nothing to show ("No reports yet."). */
export function SectionEmpty({ children }: { children: ReactNode }) {
  return <CardContent className="text-sm text-muted-foreground">{children}</CardContent>;
}
