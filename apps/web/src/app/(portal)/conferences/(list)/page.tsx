import { can, formatPlace, localized } from "@portal/domain";
import {
  Badge,
  Button,
  Card,
  EmptyState,
  formatIsoDateRange,
  ListFilters,
  Money,
  PageHeader,
  ProvenanceBadge,
  RememberListState,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("conferences");
  return { title: t("title") };
}

export default async function ConferencesPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const params = await searchParams;
  const [api, session, t, locale, format] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("conferences"),
    getLocale(),
    getFormatter(),
  ]);
  const rows = await api.conferences.list({ q: params.q || undefined });
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const staff = session ? can(session.user.role, "grants.view.all") : false;

  return (
    <>
      <RememberListState />
      <PageHeader
        title={staff ? t("title") : t("partnerTitle")}
        description={staff ? t("description") : t("partnerDescription")}
        actions={
          session && can(session.user.role, "conferences.manage") ? (
            <Button asChild>
              <Link href="/conferences/new">{t("newConference")}</Link>
            </Button>
          ) : null
        }
      />
      <ListFilters
        action="/conferences"
        query={params.q}
        filtered={Boolean(params.q)}
        labels={{
          search: t("search"),
          searchPlaceholder: t("searchPlaceholder"),
          apply: t("apply"),
          clear: t("clear"),
        }}
      />
      <p className="mb-2 text-sm text-muted-foreground" aria-live="polite">
        {t("count", { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <EmptyState
          title={params.q ? t("emptyTitle") : t("noneTitle")}
          description={params.q ? t("emptyDescription") : t("noneDescription")}
        />
      ) : (
        <Card>
          <Table data-testid="conferences-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("conference")}</TableHead>
                <TableHead>{t("dates")}</TableHead>
                <TableHead>{t("coHosts")}</TableHead>
                <TableHead numeric>{t("states")}</TableHead>
                <TableHead numeric>
                  <abbr title={t("outcomeShortHint")} className="no-underline">
                    {t("outcome")}
                  </abbr>
                </TableHead>
                {staff ? <TableHead numeric>{t("funding")}</TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((c) => (
                <TableRow key={c.id} data-testid={`conference-row-${c.id}`}>
                  <TableCell className="max-w-md">
                    <Link href={`/conferences/${c.id}`} className="font-medium link">
                      {localized(c, "title", locale)}
                    </Link>
                    <div className="text-xs text-muted-foreground">
                      {formatPlace({ city: c.city, countryCode: c.country.iso2 }, locale)}
                    </div>
                    <div className="mt-1">
                      <ProvenanceBadge provenance={c.provenance} />
                    </div>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">
                    {formatIsoDateRange(format, c.startsOn, c.endsOn)}
                  </TableCell>
                  <TableCell>
                    {c.coHosts
                      .map((h) =>
                        h.state
                          ? name(h.state)
                          : h.organisation
                            ? (h.organisation.acronym ?? name(h.organisation))
                            : "",
                      )
                      .join(", ")}
                  </TableCell>
                  <TableCell numeric>{c.participantCount}</TableCell>
                  <TableCell numeric>
                    {c.participantCount === 0 ? (
                      "—"
                    ) : (
                      <>
                        {t("outcomeShort", { joined: c.outcome.joined, notYet: c.outcome.notYetParties })}
                        {c.outcome.complete ? null : (
                          <div>
                            <Badge tone="warning">{t("windowOpen")}</Badge>
                          </div>
                        )}
                      </>
                    )}
                  </TableCell>
                  {staff ? (
                    <TableCell numeric>
                      {c.directCost !== null ? (
                        <Money amount={c.directCost} currency={c.currency} locale={locale} />
                      ) : c.grantId ? (
                        t("viaGrant")
                      ) : (
                        "—"
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
