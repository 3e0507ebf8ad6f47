import { ROLES, type Role } from "@portal/domain";
import { Card, CardContent, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { InviteForm } from "@/components/invite-form";
import { organisationOptions } from "@/server/organisation-options";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminUsers");
  return { title: t("inviteTitle") };
}

export default async function InvitePage({
  searchParams,
}: {
  searchParams: Promise<{ role?: string; organisation?: string }>;
}) {
  const [params, t, locale] = await Promise.all([searchParams, getTranslations("adminUsers"), getLocale()]);
  const organisations = await organisationOptions(locale);
  const role = (ROLES as readonly string[]).includes(params.role ?? "") ? (params.role as Role) : undefined;
  const organisation = organisations.some((o) => o.id === params.organisation) ? params.organisation : undefined;
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href="/users" className="link">
          {t("back")}
        </Link>
      </nav>
      <PageHeader title={t("inviteTitle")} description={t("inviteDescription")} />
      <Card className="max-w-3xl">
        <CardContent>
          <InviteForm organisations={organisations} initialRole={role} initialOrganisationId={organisation} />
        </CardContent>
      </Card>
    </>
  );
}
