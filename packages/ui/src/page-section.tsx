import { type ReactNode, useId } from "react";
import { cn } from "./cn";

/**
 * A part of a page under its own heading (not a card), labelled by that heading for screen readers. The heading's id
 * is generated (useId works in Server Components too), never fixed.
 */
export function PageSection({
  title,
  description,
  className,
  children,
}: {
  title: ReactNode;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className={cn("flex flex-col gap-3", className)}>
      <div>
        <h2 id={titleId} className="text-lg font-semibold">
          {title}
        </h2>
        {description ? <p className="max-w-3xl text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}
