import { localized } from "@portal/domain";
import { CardContent, formatIsoDate, ProvenanceBadge, SectionCard, SectionEmpty } from "@portal/ui";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import Link from "next/link";
import { LinkActions } from "./link-actions";
import { LinkForm } from "./link-form";
import type { OrganisationView } from "./organisation-view";

/**
 * The organisation's coalition links in both directions; those who manage partnerships edit them here and add new
 * ones to any of `organisations`.
 */
export function LinksCard({
  org,
  organisations,
}: {
  org: OrganisationView;
  organisations: { id: string; acronym: string | null; nameEn: string; nameFr: string }[];
}) {
  const t = useTranslations("organisations");
  const locale = useLocale();
  const format = useFormatter();
  const manage = org.permissions.managePartnership;
  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  return (
    <SectionCard title={t("linksTitle")} description={t("linksDescription")} testId="links">
      {org.links.all.length === 0 ? (
        <SectionEmpty>{t("linksNone")}</SectionEmpty>
      ) : (
        <CardContent>
          <ul className="flex flex-col gap-3 text-sm">
            {org.links.all.map((link) => {
              const other = link.other.acronym ?? name(link.other);
              const kind = t(`${link.direction}.${link.kind}`);
              const note = localized(link, "note", locale);
              return (
                <li
                  key={`${link.direction}-${link.id}`}
                  className="flex flex-col gap-1 border-b border-border pb-3 last:border-0 last:pb-0"
                  data-testid={`link-${link.direction}-${link.kind}`}
                >
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="text-muted-foreground">{kind}</span>
                    {org.permissions.openLinkedOrganisations ? (
                      <Link href={`/organisations/${link.other.id}`} className="font-medium link">
                        {other}
                      </Link>
                    ) : (
                      <span className="font-medium">{other}</span>
                    )}
                    {link.other.acronym ? (
                      <span className="text-xs text-muted-foreground">{name(link.other)}</span>
                    ) : null}
                    <ProvenanceBadge provenance={link.provenance} />
                  </div>
                  {note || link.since ? (
                    <p className="text-xs text-muted-foreground">
                      {note}
                      {note && link.since ? " · " : ""}
                      {link.since ? t("sinceValue", { date: formatIsoDate(format, link.since) }) : ""}
                    </p>
                  ) : null}
                  {manage ? <LinkActions link={link} label={`${kind} ${other}`} /> : null}
                </li>
              );
            })}
          </ul>
        </CardContent>
      )}
      {manage ? (
        <CardContent className="border-t border-border">
          <LinkForm
            organisationId={org.id}
            organisations={organisations.map((o) => ({
              id: o.id,
              label: `${o.acronym ? `${o.acronym} — ` : ""}${name(o)}`,
            }))}
          />
        </CardContent>
      ) : null}
    </SectionCard>
  );
}
