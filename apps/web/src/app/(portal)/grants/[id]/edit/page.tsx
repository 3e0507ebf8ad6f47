import { formatAmountInput } from "@portal/domain";
import { intlLocale, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { GrantForm } from "@/components/grant-form/grant-form";
import { requireCapability } from "@/server/require";
import { loadGrant } from "@/server/records";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }) {
  const [{ id }, t] = await Promise.all([params, getTranslations("grantForm")]);
  const grant = await loadGrant(id);
  return { title: t("editTitle", { reference: grant.reference }) };
}

export default async function EditGrantPage({ params }: { params: Promise<{ id: string }> }) {
  await requireCapability("grants.manage");
  const [{ id }, t, locale] = await Promise.all([params, getTranslations("grantForm"), getLocale()]);
  const grant = await loadGrant(id);
  // Only drafts are edited (later changes go through the lifecycle and its audit trail), by an officer who manages it.
  if (!grant.permissions.edit) notFound();
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
