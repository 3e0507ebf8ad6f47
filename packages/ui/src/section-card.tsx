import { type ReactNode, useId } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "./card";

/**
 * A titled card for one part of a page, with an optional description and actions on the right, labelled by its title
 * for screen readers. The title's id is generated (useId works in Server Components too), never fixed: the same card
 * can appear twice on a page.
 */
export function SectionCard({
  anchor,
  title,
  description,
  actions,
  testId,
  children,
}: {
  /**
   * The URL fragment that links here (`/grants/…#amendments`): the one kind of fixed id, because an address names it.
   */
  anchor?: string;
  title: string;
  description?: string;
  actions?: ReactNode;
  testId?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <Card id={anchor} aria-labelledby={titleId} data-testid={testId} className={anchor ? "scroll-mt-20" : undefined}>
      <CardHeader row className="flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <CardTitle id={titleId}>{title}</CardTitle>
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
