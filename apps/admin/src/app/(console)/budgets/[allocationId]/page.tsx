import { fiscalYearLabel, localized } from "@portal/domain";
import { Breadcrumbs, Button, PageHeader, ProvenanceBadge } from "@portal/ui";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { budgetsHref, QUARTER_PATTERN } from "@/budget-links";
import { DrilldownView } from "@/components/drilldown-view";
import { getApi } from "@/server/caller";
import { orNotFound } from "@/server/not-found";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("adminBudgets");
  return { title: t("allocationTitle") };
}

type Search = { partner?: string; quarter?: string };

/** An allocation's drill-down: the grants it funds (funding lines), their disbursements and direct costs. */
export default async function AllocationPage({
  params,
  searchParams,
}: {
  params: Promise<{ allocationId: string }>;
  searchParams: Promise<Search>;
}) {
  const [{ allocationId }, search, api, t, tw, locale] = await Promise.all([
    params,
    searchParams,
    getApi(),
    getTranslations("adminBudgets"),
    getTranslations("wayfinding"),
    getLocale(),
  ]);
  const partner = search.partner || undefined;
  const quarter = search.quarter && QUARTER_PATTERN.test(search.quarter) ? search.quarter : undefined;
  const data = await orNotFound(() =>
    api.budgetReview.drilldown({ allocationId, organisationId: partner, period: quarter }),
  );
  const allocation = data.allocation!;
  const review = await api.budgetReview.review({ fiscalYear: data.fiscalYear });
  const label = fiscalYearLabel(data.fiscalYear);
  const exportQuery = new URLSearchParams({
    allocation: allocationId,
    ...(partner ? { partner } : {}),
    ...(quarter ? { quarter } : {}),
  }).toString();
  return (
    <>
      <div className="mb-2">
        <Breadcrumbs
          label={tw("breadcrumbs")}
          items={[
            { label: tw("budgetYear", { label }), href: budgetsHref(data.fiscalYear) },
            { label: `${allocation.programme.code} · ${localized(allocation.programme, "name", locale)}` },
          ]}
        />
      </div>
      <PageHeader
        title={t("allocationHeading", {
          programme: localized(allocation.programme, "name", locale),
          label,
        })}
        description={
          <span className="flex flex-wrap items-center gap-2">
            {t("allocationDescription", { code: allocation.programme.code })}
            <ProvenanceBadge provenance={allocation.provenance} />
          </span>
        }
        actions={
          <Button asChild variant="outline">
            <Link href={`/budgets/breakdown?fy=${label}`}>{t("allBehind", { label })}</Link>
          </Button>
        }
      />
      <DrilldownView
        data={data}
        review={review}
        basePath={`/budgets/${allocationId}`}
        fixed={{}}
        exportQuery={exportQuery}
      />
    </>
  );
}
