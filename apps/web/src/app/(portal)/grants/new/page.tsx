import { PageHeader } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import { GrantForm } from "@/components/grant-form/grant-form";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("grantForm");
  return { title: t("newTitle") };
}

export default async function NewGrantPage() {
  await requireCapability("grants.manage");
  const t = await getTranslations("grantForm");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <GrantForm />
    </>
  );
}
