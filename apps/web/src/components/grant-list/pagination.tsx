import { Button } from "@portal/ui";
import Link from "next/link";
import { type GrantListParams, grantListHref } from "./search-params";

/** Previous / numbered pages / next, as links that keep the rest of the view (filters, sort, page size). */
export function Pagination({
  params,
  page,
  pages,
  labels,
  beyondEnd = false,
}: {
  params: GrantListParams;
  /** The page asked for is past the last one: the list says so itself, and offers the way back. */
  beyondEnd?: boolean;
  page: number;
  pages: number;
  labels: { nav: string; previous: string; next: string; page: (n: number) => string };
}) {
  if (pages <= 1 || beyondEnd) return null;
  const shown = new Set([1, pages, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pages));
  const numbers = [...shown].sort((a, b) => a - b);
  return (
    <nav aria-label={labels.nav} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <ul className="flex flex-wrap items-center gap-1">
        <li>
          {page > 1 ? (
            <Button asChild variant="outline" size="sm">
              <Link href={grantListHref(params, { page: page - 1 })} rel="prev">
                {labels.previous}
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              {labels.previous}
            </Button>
          )}
        </li>
        {numbers.map((n, index) => (
          <li key={n} className="flex items-center gap-1">
            {index > 0 && n - numbers[index - 1]! > 1 ? (
              <span aria-hidden className="px-1 text-muted-foreground">
                …
              </span>
            ) : null}
            <Button asChild variant={n === page ? "default" : "ghost"} size="sm">
              <Link
                href={grantListHref(params, { page: n })}
                aria-current={n === page ? "page" : undefined}
                aria-label={labels.page(n)}
              >
                {n}
              </Link>
            </Button>
          </li>
        ))}
        <li>
          {page < pages ? (
            <Button asChild variant="outline" size="sm">
              <Link href={grantListHref(params, { page: page + 1 })} rel="next">
                {labels.next}
              </Link>
            </Button>
          ) : (
            <Button variant="outline" size="sm" disabled>
              {labels.next}
            </Button>
          )}
        </li>
      </ul>
    </nav>
  );
}
