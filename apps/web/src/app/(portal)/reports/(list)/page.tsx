import { localized, pageWindow } from "@portal/domain";
import {
  Button,
  Card,
  EmptyState,
  IsoDate,
  PageHeader,
  RememberListState,
  ReportStatusBadge,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { PageBeyondEnd } from "@portal/ui/page-beyond-end";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

const VIEWS = ["due", "overdue", "review", "done", "all"] as const;
type View = (typeof VIEWS)[number];
const PAGE_SIZE = 50;

export async function generateMetadata() {
  const t = await getTranslations("attachments");
  return { title: t("listTitle") };
}

export default async function ReportsPage({
  searchParams,
}: {
  searchParams: Promise<{ view?: string; page?: string }>;
}) {
  const raw = await searchParams;
  const [api, session, t, tg, tc, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("attachments"),
    getTranslations("grants"),
    getTranslations("common"),
    getLocale(),
    getFormatter(),
  ]);
  const isPartner = session?.user.role === "partner";
  const view: View = (VIEWS as readonly string[]).includes(raw.view ?? "")
    ? (raw.view as View)
    : isPartner
      ? "due"
      : "review";
  const requested = Math.max(1, Number.parseInt(raw.page ?? "1", 10) || 1);
  const result = await api.dashboard.reports({ view, page: requested, pageSize: PAGE_SIZE });
  const { page, pages, beyondEnd } = pageWindow({ page: requested, pageSize: PAGE_SIZE, total: result.total });
  const href = (v: View, p = 1) => `/reports?view=${v}${p > 1 ? `&page=${p}` : ""}`;

  return (
    <>
      <RememberListState />
      <PageHeader title={t("listTitle")} description={isPartner ? t("listDescriptionPartner") : t("listDescription")} />
      <nav aria-label={t("viewsLabel")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {VIEWS.map((v) => (
            <li key={v}>
              <Button asChild size="sm" variant={v === view ? "default" : "outline"}>
                <Link href={href(v)} aria-current={v === view ? "page" : undefined}>
                  {t(`views.${v}`)}
                </Link>
              </Button>
            </li>
          ))}
        </ul>
      </nav>
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: result.total })}
      </p>
      {beyondEnd ? (
        <PageBeyondEnd page={page} pages={pages} lastPageHref={href(view, pages)} />
      ) : result.rows.length === 0 ? (
        <EmptyState title={t(`empty.${view}`)} />
      ) : (
        <Card>
          <Table className="relative" data-testid="reports-list">
            <TableHeader>
              <TableRow>
                <TableHead>{t("columns.report")}</TableHead>
                <TableHead>{t("columns.grant")}</TableHead>
                <TableHead>{t("dueOn")}</TableHead>
                <TableHead>{t("columns.status")}</TableHead>
                <TableHead>{t("columns.lastSubmitted")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.rows.map((r) => (
                <TableRow key={r.id} data-testid={`reports-row-${r.reference}-${r.kind}-${r.stage}`}>
                  <TableCell>
                    <Link href={`/reports/${r.id}`} className="font-medium link">
                      {tg(`reportKind.${r.kind}`)} · {tg(`reportStage.${r.stage}`)}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <Link href={`/grants/${r.grantId}`} className="link">
                      {r.reference}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {isPartner
                        ? localized(r, "title", locale)
                        : (r.recipientAcronym ?? localized(r, "recipientName", locale))}
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    <IsoDate value={r.dueOn} />
                  </TableCell>
                  <TableCell>
                    <ReportStatusBadge status={r.status} overdue={r.overdue} />
                    {r.overdue ? <span className="ml-2 text-xs text-destructive">{t("overdue")}</span> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {r.lastSubmittedAt ? format.dateTime(r.lastSubmittedAt, { dateStyle: "medium" }) : "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
      {pages > 1 && !beyondEnd ? (
        <nav aria-label={tc("pageOf", { page, pages })} className="mt-4 flex items-center justify-between text-sm">
          <span>{tc("pageOf", { page, pages })}</span>
          <div className="flex gap-2">
            {page > 1 ? (
              <Button asChild variant="outline" size="sm">
                <Link href={href(view, page - 1)}>{tc("previous")}</Link>
              </Button>
            ) : null}
            {page < pages ? (
              <Button asChild variant="outline" size="sm">
                <Link href={href(view, page + 1)}>{tc("next")}</Link>
              </Button>
            ) : null}
          </div>
        </nav>
      ) : null}
    </>
  );
}
