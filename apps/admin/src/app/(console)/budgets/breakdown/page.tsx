import { fiscalYearLabel, localized } from "@portal/domain";
import { PageHeader } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { budgetsHref, QUARTER_PATTERN } from "@/budget-links";
import { DrilldownView } from "@/components/drilldown-view";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminBudgets");
  return { title: t("breakdownTitle") };
}

type Search = { fy?: string; partner?: string; quarter?: string };

/** A fiscal year's drill-down across its allocations, narrowed by partner and/or quarter. */
export default async function BreakdownPage({ searchParams }: { searchParams: Promise<Search> }) {
  const [search, api, t, locale] = await Promise.all([
    searchParams,
    getApi(),
    getTranslations("adminBudgets"),
    getLocale(),
  ]);
  if (!search.fy) redirect("/budgets");
  const partner = search.partner || undefined;
  const quarter = search.quarter && QUARTER_PATTERN.test(search.quarter) ? search.quarter : undefined;
  const data = await orNotFound(() =>
    api.budgetReview.drilldown({ fiscalYear: search.fy, organisationId: partner, period: quarter }),
  );
  const review = await api.budgetReview.review({ fiscalYear: data.fiscalYear });
  const label = fiscalYearLabel(data.fiscalYear);
  const name = data.organisation ? (data.organisation.acronym ?? localized(data.organisation, "name", locale)) : null;
  const heading = data.period
    ? name
      ? t("partnerQuarterHeading", {
          name,
          quarter: data.period.quarter,
          label: fiscalYearLabel(data.period.fiscalYear),
        })
      : t("quarterHeading", { quarter: data.period.quarter, label: fiscalYearLabel(data.period.fiscalYear) })
    : name
      ? t("partnerHeading", { name, label })
      : t("yearHeading", { label });
  const exportQuery = new URLSearchParams({
    fy: label,
    ...(partner ? { partner } : {}),
    ...(quarter ? { quarter } : {}),
  }).toString();
  return (
    <>
      <nav aria-label={t("breadcrumb")} className="mb-2 text-sm">
        <Link href={budgetsHref(data.fiscalYear)} className="link">
          {t("backToBudget", { label })}
        </Link>
      </nav>
      <PageHeader title={heading} description={t("breakdownDescription", { label })} />
      <DrilldownView
        data={data}
        review={review}
        basePath="/budgets/breakdown"
        fixed={{ fy: label }}
        exportQuery={exportQuery}
      />
    </>
  );
}
