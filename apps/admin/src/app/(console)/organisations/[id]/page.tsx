import { localized } from "@portal/domain";
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  Money,
  PageHeader,
  Breadcrumbs,
  ProvenanceBadge,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { CapabilityBadges } from "@/components/capability-badges";
import { OrganisationForm } from "@/components/organisation-form";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";
import { organisationChoices } from "../choices";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, api, locale] = await Promise.all([params, getApi(), getLocale()]);
  const organisation = await orNotFound(() => api.organisations.byId({ id }));
  return { title: organisation.acronym ?? localized(organisation, "legalName", locale) };
}

export default async function OrganisationPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, api, t, tu, tc, ts, tn, tw, locale] = await Promise.all([
    params,
    getApi(),
    getTranslations("adminOrganisations"),
    getTranslations("adminUsers"),
    getTranslations("common"),
    getTranslations("grantStatus"),
    getTranslations("nav"),
    getTranslations("wayfinding"),
    getLocale(),
  ]);
  const [organisation, options] = await Promise.all([
    orNotFound(() => api.organisations.byId({ id })),
    api.organisations.formOptions(),
  ]);
  const choices = organisationChoices(options, locale, t);
  const name = localized(organisation, "legalName", locale);
  return (
    <>
      <div className="mb-2">
        <Breadcrumbs
          label={tw("breadcrumbs")}
          items={[
            { label: tn("adminOrganisations"), href: "/organisations", list: true },
            { label: organisation.acronym ?? name },
          ]}
        />
      </div>
      <PageHeader
        title={name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {organisation.acronym ? <span>{organisation.acronym}</span> : null}
            <ProvenanceBadge provenance={organisation.provenance} />
          </span>
        }
        actions={
          <Button asChild>
            <Link href={`/users/invite?role=partner&organisation=${organisation.id}`}>{t("inviteMember")}</Link>
          </Button>
        }
      />
      <div className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>{t("details")}</CardTitle>
          </CardHeader>
          <CardContent>
            <OrganisationForm
              id={organisation.id}
              initial={{
                legalNameEn: organisation.legalNameEn,
                legalNameFr: organisation.legalNameFr,
                acronym: organisation.acronym ?? "",
                iatiType: String(organisation.iatiType),
                countryCode: organisation.countryCode ?? "",
                website: organisation.website ?? "",
              }}
              {...choices}
            />
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("membersTitle")}</CardTitle>
            <CardDescription>{t("membersDescription")}</CardDescription>
          </CardHeader>
          {organisation.members.length === 0 ? (
            <CardContent>
              <EmptyState title={t("noMembers")} />
            </CardContent>
          ) : (
            <Table data-testid="organisation-members">
              <TableHeader>
                <TableRow>
                  <TableHead>{tu("name")}</TableHead>
                  <TableHead>{tu("capabilitiesLabel")}</TableHead>
                  <TableHead>{tu("status")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organisation.members.map((member) => (
                  <TableRow key={member.userId}>
                    <TableCell>
                      <Link href={`/users/${member.userId}`} className="font-medium link">
                        {member.name}
                      </Link>
                      <div className="text-xs text-muted-foreground">{member.email}</div>
                    </TableCell>
                    <TableCell>
                      <CapabilityBadges capabilities={member.capabilities} />
                    </TableCell>
                    <TableCell>
                      <Badge tone={member.active ? "success" : "danger"}>
                        {member.active ? tu("active") : tu("inactive")}
                      </Badge>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>{t("grantsTitle")}</CardTitle>
          </CardHeader>
          {organisation.grants.length === 0 ? (
            <CardContent>
              <EmptyState title={t("noGrants")} />
            </CardContent>
          ) : (
            <Table data-testid="organisation-grants">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("grant")}</TableHead>
                  <TableHead>{t("status")}</TableHead>
                  <TableHead numeric>{tc("total")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {organisation.grants.map((grant) => (
                  <TableRow key={grant.id}>
                    <TableCell>
                      <span className="font-medium">{grant.reference}</span>
                      <div className="text-xs text-muted-foreground">{localized(grant, "title", locale)}</div>
                    </TableCell>
                    <TableCell>{ts(grant.status)}</TableCell>
                    <TableCell numeric>
                      <Money amount={grant.totalAmount} currency={grant.currency} locale={locale} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </Card>
      </div>
    </>
  );
}
