import { Button } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

/** Previous/next links that keep the page's filters (`hrefFor` builds the URL of a page). */
export async function Pager({
  page,
  total,
  pageSize,
  hrefFor,
}: {
  page: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
}) {
  const tc = await getTranslations("common");
  const pages = Math.max(1, Math.ceil(total / pageSize));
  // Past the last page the list itself says so (PageBeyondEnd) and links back: no pager claiming "page 99 of 1".
  if (pages <= 1 || page > pages) return null;
  return (
    <nav aria-label={tc("pageOf", { page, pages })} className="mt-4 flex items-center justify-between text-sm">
      <span>{tc("pageOf", { page, pages })}</span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefFor(page - 1)} rel="prev">
              {tc("previous")}
            </Link>
          </Button>
        ) : null}
        {page < pages ? (
          <Button asChild variant="outline" size="sm">
            <Link href={hrefFor(page + 1)} rel="next">
              {tc("next")}
            </Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}

/** `path?key=value&...` without the empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

export function pageNumber(value: string | undefined): number {
  return Math.max(1, Number.parseInt(value ?? "1", 10) || 1);
}
