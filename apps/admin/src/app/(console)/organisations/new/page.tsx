import { Card, CardContent, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { OrganisationForm } from "@/components/organisation-form";
import { getApi } from "@/server/caller";
import { organisationChoices } from "../choices";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminOrganisations");
  return { title: t("newTitle") };
}

export default async function NewOrganisationPage() {
  const [api, t, locale] = await Promise.all([getApi(), getTranslations("adminOrganisations"), getLocale()]);
  const choices = organisationChoices(await api.organisations.formOptions(), locale, t);
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href="/organisations" className="link">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <Card>
        <CardContent>
          <OrganisationForm {...choices} />
        </CardContent>
      </Card>
    </>
  );
}
