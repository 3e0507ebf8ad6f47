import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Button } from "./button";

/**
 * What a list says when asked for a page after its last one (an old bookmark, a shortened list, `?page=99`): which
 * page was asked for, how many there are, and a way to the last one, instead of an empty table and a backwards range.
 */
export async function PageBeyondEnd({
  page,
  pages,
  lastPageHref,
}: {
  page: number;
  pages: number;
  lastPageHref: string;
}) {
  const t = await getTranslations("wayfinding");
  return (
    <div
      className="flex flex-col items-start gap-3 rounded-lg border border-dashed border-border px-6 py-8"
      data-testid="page-beyond-end"
    >
      <h2 className="text-base font-semibold">{t("beyondEndTitle", { page })}</h2>
      <p className="text-sm text-muted-foreground">{t("beyondEndBody", { page, pages })}</p>
      <Button asChild variant="outline">
        <Link href={lastPageHref}>{t("goToLastPage", { pages })}</Link>
      </Button>
    </div>
  );
}
