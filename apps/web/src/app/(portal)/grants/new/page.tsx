import { EmptyState, PageHeader } from "@portal/ui";
import { getTranslations } from "next-intl/server";
import { GrantForm } from "@/components/grant-form/grant-form";
import { getApi } from "@/server/caller";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("grantForm");
  return { title: t("newTitle") };
}

export default async function NewGrantPage() {
  await requireCapability("grants.manage");
  const [t, ts, api] = await Promise.all([getTranslations("grantForm"), getTranslations("officerScope"), getApi()]);
  // The allocations offered are the officer's programmes' (the same condition createGrant applies).
  const { allocations } = await api.grants.formOptions();
  return (
    <>
      <PageHeader title={t("newTitle")} description={t("newDescription")} />
      {allocations.length === 0 ? (
        <EmptyState title={ts("noAllocationsTitle")} description={ts("noAllocations")} />
      ) : (
        <GrantForm />
      )}
    </>
  );
}
