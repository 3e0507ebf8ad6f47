import { formatAmountInput } from "@portal/domain";
import { intlLocale, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GrantForm } from "@/components/grant-form/grant-form";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";
import { requireCapability } from "@/server/require";

export const dynamic = "force-dynamic";

export default async function EditGrantPage({ params }: { params: Promise<{ id: string }> }) {
  await requireCapability("grants.manage");
  const [{ id }, api, t, locale] = await Promise.all([params, getApi(), getTranslations("grantForm"), getLocale()]);
  const grant = await orNotFound(() => api.grants.byId({ id }));
  // Only drafts are edited; later changes go through the lifecycle (and its audit trail).
  if (grant.status !== "draft") notFound();
  const amount = (cents: number, currency = grant.currency) => formatAmountInput(cents, currency, intlLocale(locale));
  return (
    <>
      <PageHeader title={t("editTitle", { reference: grant.reference })} />
      <GrantForm
        grantId={grant.id}
        version={grant.version}
        initial={{
          reference: grant.reference,
          recipientId: grant.recipientId,
          titleEn: grant.titleEn,
          titleFr: grant.titleFr,
          purposeEn: grant.purposeEn,
          purposeFr: grant.purposeFr,
          currency: grant.currency,
          exchangeRateToCad: grant.exchangeRateToCad,
          totalAmount: amount(grant.totalAmount),
          startsOn: grant.startsOn,
          endsOn: grant.endsOn,
          leadOfficerId: grant.leadOfficerId ?? "",
          components: grant.components.map((c) => ({
            titleEn: c.titleEn,
            titleFr: c.titleFr,
            descriptionEn: c.descriptionEn,
            descriptionFr: c.descriptionFr,
            amount: amount(c.amount),
          })),
          fundingLines: grant.fundingLines.map((l) => ({
            allocationId: l.allocationId,
            amount: amount(l.amount, "CAD"),
          })),
        }}
      />
    </>
  );
}
