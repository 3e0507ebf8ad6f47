import { localized } from "@portal/domain";
import { Breadcrumbs, PageHeader, ProvenanceBadge } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { FundingByYearCard } from "@/components/organisations/funding-by-year-card";
import { LinksCard } from "@/components/organisations/links-card";
import { OrganisationConferencesCard } from "@/components/organisations/organisation-conferences-card";
import { OrganisationGrantsCard } from "@/components/organisations/organisation-grants-card";
import { PartnershipCard } from "@/components/organisations/partnership-card";
import { getApi, getSession } from "@/server/caller";
import { loadOrganisation } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, locale] = await Promise.all([params, getLocale()]);
  const organisation = await loadOrganisation(id);
  return { title: organisation.acronym ?? localized(organisation, "legalName", locale) };
}

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [api, session, t, tn, tw, locale] = await Promise.all([
    getApi(),
    getSession(),
    getTranslations("organisations"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
  ]);
  const org = await loadOrganisation(id);
  const everyone = org.permissions.managePartnership ? await api.organisations.list() : [];
  const isPartner = session?.user.role === "partner";
  const orgName = localized(org, "legalName", locale);
  const facts = [
    org.iatiTypeName ? t(`iati.${org.iatiTypeName}`) : null,
    org.country ? localized(org.country, "name", locale) : t("international"),
  ];

  return (
    <div className="flex flex-col gap-6">
      {isPartner ? null : (
        <Breadcrumbs
          label={tw("breadcrumbs")}
          items={[
            { label: tn("organisations"), href: "/organisations", list: true },
            { label: org.acronym ?? orgName },
          ]}
        />
      )}
      <PageHeader
        title={
          <span className="flex flex-wrap items-center gap-3">
            {orgName}
            {org.acronym ? <span className="text-muted-foreground">({org.acronym})</span> : null}
            <ProvenanceBadge provenance={org.provenance} />
          </span>
        }
        description={
          <>
            {facts.filter(Boolean).join(" · ")}
            {org.website ? (
              <>
                {" · "}
                <a href={org.website} title={t("website")} className="link" rel="noreferrer">
                  {org.website.replace(/^https?:\/\//, "")}
                </a>
              </>
            ) : null}
          </>
        }
      />

      <div className="grid gap-6 lg:grid-cols-2">
        <PartnershipCard org={org} />
        <LinksCard org={org} organisations={everyone} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <FundingByYearCard org={org} />
        <OrganisationGrantsCard org={org} isPartner={isPartner} />
      </div>
      <OrganisationConferencesCard org={org} />
    </div>
  );
}
