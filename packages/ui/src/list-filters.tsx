import Link from "next/link";
import { type ReactNode, useId } from "react";
import { Button } from "./button";
import { Input, Label, Select } from "./form";

/**
 * A list's search and filters as a plain GET form: the URL holds the list's state, so it survives going back, a
 * reload and a shared link, and works before any script has loaded. "Clear" shows only once something is filtered.
 */
export function ListFilters({
  action,
  query,
  labels,
  filtered,
  clearHref = action,
  children,
}: {
  /** The list's own path: the form submits to it, and "Clear" goes back to it unfiltered. */
  action: string;
  query: string | undefined;
  labels: { search: string; searchPlaceholder: string; apply: string; clear: string; form?: string };
  filtered: boolean;
  /** Where "Clear" goes when the list keeps something unfiltered (its sort, its page size); the bare list otherwise. */
  clearHref?: string;
  /** The list's filters, as FilterSelect elements. */
  children?: ReactNode;
}) {
  const searchId = useId();
  return (
    <form
      method="get"
      action={action}
      role="search"
      aria-label={labels.form}
      className="mb-4 flex flex-wrap items-end gap-3"
    >
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <Label htmlFor={searchId}>{labels.search}</Label>
        <Input id={searchId} name="q" type="search" defaultValue={query ?? ""} placeholder={labels.searchPlaceholder} />
      </div>
      {children}
      <Button type="submit">{labels.apply}</Button>
      {filtered ? (
        <Button asChild variant="ghost">
          <Link href={clearHref}>{labels.clear}</Link>
        </Button>
      ) : null}
    </form>
  );
}

/** One labelled filter of a ListFilters form; its first option is "all" (the empty value) when it has an all label. */
export function FilterSelect({
  name,
  label,
  value,
  allLabel,
  options,
}: {
  name: string;
  label: string;
  value: string | undefined;
  allLabel?: string;
  options: readonly { value: string; label: string }[];
}) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <Select id={id} name={name} defaultValue={value ?? ""}>
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </div>
  );
}
