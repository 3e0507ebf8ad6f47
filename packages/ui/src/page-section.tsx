import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/**
 * A part of a page under its own heading (not a card), labelled by that heading for screen readers. The heading's id
 * is generated (useId works in Server Components too), never fixed. Level 3 for a part inside a card.
 */
export function PageSection({
  title,
  description,
  level = 2,
  className,
  testId,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  level?: 2 | 3;
  className?: string;
  testId?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby={titleId}
      className={cn("flex flex-col", level === 2 ? "gap-3" : "gap-2", className)}
      data-testid={testId}
    >
      <div>
        <Heading id={titleId} className={level === 2 ? "text-lg font-semibold" : "font-medium"}>
          {title}
        </Heading>
        {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
