import { localized } from "@portal/domain";
import { FigureCards, PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { PartnerGrants } from "@/components/partner/partner-grants";
import { PartnerPayments } from "@/components/partner/partner-payments";
import { PartnerReports } from "@/components/partner/partner-reports";
import { Totals } from "@/components/partner/workspace-parts";
import { getApi, getSession } from "@/server/caller";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("partner");
  return { title: t("title") };
}

/** The partner's workspace: the summary figures, then reports due, grants and payments (each its first rows). */
export default async function PartnerWorkspacePage() {
  const session = await getSession();
  if (session && session.user.role !== "partner") redirect("/dashboard");
  const [api, t, locale] = await Promise.all([getApi(), getTranslations("partner"), getLocale()]);
  const data = await api.dashboard.partner();
  const orgNames = data.organisations.map((o) => localized(o, "name", locale)).join(", ");
  const figures = [
    { key: "funding", value: <Totals totals={data.funding} locale={locale} /> },
    { key: "received", value: <Totals totals={data.received.totals} locale={locale} /> },
    { key: "upcoming", value: <Totals totals={data.upcoming.totals} locale={locale} /> },
    { key: "reportsDue", value: String(data.reportsDue) },
  ];

  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={orgNames || t("title")} description={t("description")} />
      <FigureCards
        figures={figures.map((item) => ({
          label: t(`summary.${item.key}`),
          value: item.value,
          testId: `summary-${item.key}`,
        }))}
      />
      <PartnerReports data={data} locale={locale} />
      <PartnerGrants data={data} locale={locale} />
      <PartnerPayments data={data} locale={locale} />
    </div>
  );
}
