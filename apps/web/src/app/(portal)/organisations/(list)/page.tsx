import { can, IATI_ORGANISATION_TYPES, type IatiOrganisationType, localized } from "@portal/domain";
import {
  Card,
  EmptyState,
  formatIsoDate,
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
import { redirect } from "next/navigation";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("organisations");
  return { title: t("title") };
}

export default async function OrganisationsPage() {
  const session = await getSession();
  // A partner has one page here: its own organisation's.
  if (session && !can(session.user.role, "grants.view.all")) redirect("/organisations/mine");
  const [api, t, locale, format] = await Promise.all([
    getApi(),
    getTranslations("organisations"),
    getLocale(),
    getFormatter(),
  ]);
  const rows = await api.organisations.list();
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const iati = (code: number) => {
    const key = IATI_ORGANISATION_TYPES[code as IatiOrganisationType];
    return key ? t(`iati.${key}`) : String(code);
  };

  return (
    <>
      <RememberListState />
      <PageHeader title={t("title")} description={t("description")} />
      <p className="mb-2 text-sm text-muted-foreground">{t("count", { count: rows.length })}</p>
      {rows.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyDescription")} />
      ) : (
        <Card>
          <Table data-testid="organisations-table">
            <TableHeader>
              <TableRow>
                <TableHead>{t("organisation")}</TableHead>
                <TableHead>{t("type")}</TableHead>
                <TableHead>{t("country")}</TableHead>
                <TableHead>{t("partnership")}</TableHead>
                <TableHead numeric>{t("grants")}</TableHead>
                <TableHead numeric>{t("funding")}</TableHead>
                <TableHead numeric>{t("conferences")}</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((o) => (
                <TableRow key={o.id} data-testid={`organisation-row-${o.slug}`}>
                  <TableCell className="max-w-sm">
                    <Link href={`/organisations/${o.id}`} className="font-medium link">
                      {o.acronym ?? name(o)}
                    </Link>
                    {o.acronym ? <div className="text-xs text-muted-foreground">{name(o)}</div> : null}
                  </TableCell>
                  <TableCell>{iati(o.iatiType)}</TableCell>
                  <TableCell>{o.country ? name(o.country) : t("international")}</TableCell>
                  <TableCell>
                    {o.isFunder ? (
                      <span className="text-muted-foreground">{t("ministry")}</span>
                    ) : o.partnership ? (
                      <div className="flex flex-col items-start gap-1">
                        <span>{t(`kind.${o.partnership.kind}`)}</span>
                        {o.partnership.since ? (
                          <span className="text-xs text-muted-foreground">
                            {t("sinceValue", { date: formatIsoDate(format, o.partnership.since) })}
                          </span>
                        ) : null}
                        <ProvenanceBadge provenance={o.partnership.provenance} />
                      </div>
                    ) : (
                      "—"
                    )}
                  </TableCell>
                  <TableCell numeric>{o.grantCount}</TableCell>
                  <TableCell numeric>
                    <Money amount={o.funding.amount} currency="CAD" locale={locale} />
                  </TableCell>
                  <TableCell numeric>{o.conferenceCount}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Card>
      )}
    </>
  );
}
