import { FieldError, Label } from "./form";
import { type ReactNode, useId } from "react";

/** A labelled form control with its error underneath, wired for screen readers (aria-describedby/aria-invalid). */
export function Field({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children}
      {hint && !error ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      <FieldError id={`${id}-error`}>{error}</FieldError>
    </div>
  );
}

/** Props that connect an input to its Field's error. */
export function describedBy(id: string, error?: string) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": error ? `${id}-error` : undefined };
}

/**
 * Ids for one form's fields, unique on the page: the same form can be open twice (a "Pay" form per instalment),
 * and fixed ids would point one form's labels at the other's inputs. A hook: for client components and synchronous
 * Server Components (React 19 allows useId there), not async ones.
 */
export function useFieldIds(): (name: string) => string {
  const prefix = useId();
  return (name) => `${prefix}${name}`;
}
