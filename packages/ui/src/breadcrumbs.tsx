import Link from "next/link";
import { ListLink } from "./list-state";

export interface Crumb {
  label: string;
  /** Where the crumb leads; the last crumb (the page itself) has none. */
  href?: string;
  /** The crumb is a list page: it returns to the list as the reader left it (filters, sort, page). */
  list?: boolean;
}

/**
 * Where a detail page sits, as an ordered list in a labelled navigation landmark (WAI-ARIA breadcrumb pattern). The
 * last crumb is the page itself, marked `aria-current="page"`; the separators are drawn, not read.
 */
export function Breadcrumbs({ label, items }: { label: string; items: Crumb[] }) {
  return (
    <nav aria-label={label} className="text-sm" data-testid="breadcrumbs">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1 text-muted-foreground">
        {items.map((item, index) => {
          const last = index === items.length - 1;
          return (
            <li key={`${index}-${item.label}`} className="flex items-center gap-1.5">
              {last || !item.href ? (
                <span aria-current={last ? "page" : undefined} className={last ? "font-medium text-foreground" : ""}>
                  {item.label}
                </span>
              ) : item.list ? (
                <ListLink href={item.href} className="link">
                  {item.label}
                </ListLink>
              ) : (
                <Link href={item.href} className="link">
                  {item.label}
                </Link>
              )}
              {last ? null : (
                <span aria-hidden className="select-none">
                  /
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
