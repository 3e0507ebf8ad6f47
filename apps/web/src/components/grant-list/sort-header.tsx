import type { GrantSort } from "@portal/domain";
import { cn, TableHead } from "@portal/ui";
import Link from "next/link";
import { type GrantListParams, grantListHref } from "./search-params";
import { SortIcon } from "./sort-icon";

/**
 * A column header that sorts the list: a link (keyboard and no-JS friendly) to the same view sorted by this column,
 * toggling the direction when it already is; the header carries aria-sort for screen readers.
 */
export function SortHeader({
  column,
  label,
  params,
  numeric,
  sortHint,
}: {
  column: GrantSort;
  label: string;
  params: GrantListParams;
  numeric?: boolean;
  /** "Sort by {column}" style text for screen readers, already translated. */
  sortHint: string;
}) {
  const activeSort = params.sort ?? "reference";
  const direction = params.dir ?? "asc";
  const active = activeSort === column;
  const next = active && direction === "asc" ? "desc" : "asc";
  return (
    <TableHead
      numeric={numeric}
      aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"}
      data-testid={`sort-${column}`}
    >
      <Link
        href={grantListHref(params, { sort: column, dir: next, page: undefined })}
        className={cn(
          "inline-flex items-center gap-1 whitespace-nowrap rounded-sm uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
          numeric && "flex-row-reverse",
          active && "text-foreground",
        )}
        title={sortHint}
      >
        {label}
        <SortIcon direction={active ? direction : null} className={cn(!active && "opacity-40")} />
        <span className="sr-only">{sortHint}</span>
      </Link>
    </TableHead>
  );
}
