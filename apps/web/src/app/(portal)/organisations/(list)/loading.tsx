import { PageSkeleton } from "@portal/ui";
import { getTranslations } from "next-intl/server";

export default async function Loading() {
  const t = await getTranslations("common");
  return <PageSkeleton label={t("loading")} />;
}
