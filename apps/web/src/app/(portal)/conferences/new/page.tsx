import { PageHeader } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import { ConferenceForm } from "@/components/conferences/conference-form";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("conferences.form");
  return { title: t("newTitle") };
}

export default async function NewConferencePage() {
  await requireCapability("conferences.manage");
  const t = await getTranslations("conferences.form");
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      <ConferenceForm />
    </>
  );
}
