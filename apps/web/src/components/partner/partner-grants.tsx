import type { PartnerWorkspace } from "@portal/api/services";
import { localized } from "@portal/domain";
import { CardContent, formatIsoDate, Money, ProvenanceBadge, SectionCard } from "@portal/ui";
import { useFormatter, useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { useId } from "react";
import Link from "next/link";
import { GrantStatusBadge } from "@/components/grant-status-badge";
import { EmptyList, ListRest } from "./workspace-parts";

type WorkspaceGrant = PartnerWorkspace["grants"][number];

/** The partner's grants, newest first: what each is worth, what has come and what is still to come, and its parts. */
export async function PartnerGrants({ data, locale }: { data: PartnerWorkspace; locale: string }) {
  const [t, tl] = await Promise.all([getTranslations("partner"), getTranslations("partialLists")]);
  return (
    <SectionCard testId="partner-grants" title={t("grants.title")} description={t("grants.description")}>
      {data.grants.length === 0 ? (
        <EmptyList title={t("grants.empty")} />
      ) : (
        <CardContent className="flex flex-col gap-4">
          {data.grants.map((grant) => (
            <GrantCard key={grant.id} grant={grant} locale={locale} />
          ))}
        </CardContent>
      )}
      <ListRest
        shown={data.grants.length}
        total={data.grantCount}
        text={tl("grantsRest", { shown: data.grants.length, total: data.grantCount })}
      />
    </SectionCard>
  );
}

function GrantCard({ grant, locale }: { grant: WorkspaceGrant; locale: string }) {
  const t = useTranslations("partner");
  const format = useFormatter();
  const titleId = useId();
  const date = (iso: string) => formatIsoDate(format, iso);
  const money = (amount: number) => <Money amount={amount} currency={grant.currency} locale={locale} />;
  const figures = [
    { key: "total", amount: grant.totalAmount },
    { key: "received", amount: grant.disbursed },
    { key: "toCome", amount: grant.remaining },
  ] as const;
  return (
    <article
      className="rounded-md border border-border p-4"
      aria-labelledby={titleId}
      data-testid={`partner-grant-${grant.reference}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="flex flex-col gap-1">
          <h3 id={titleId} className="font-semibold">
            <Link href={`/grants/${grant.id}`} className="link">
              {localized(grant, "title", locale)}
            </Link>
          </h3>
          <p className="text-xs text-muted-foreground">
            {grant.reference} · {t("grants.period", { start: date(grant.startsOn), end: date(grant.endsOn) })}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <GrantStatusBadge status={grant.status} audience="partner" />
          <ProvenanceBadge provenance={grant.provenance} />
        </div>
      </div>
      <dl className="mt-3 grid grid-cols-2 gap-2 text-sm sm:grid-cols-3">
        {figures.map((figure) => (
          <div key={figure.key}>
            <dt className="text-muted-foreground">{t(`grants.${figure.key}`)}</dt>
            <dd className="font-medium tabular-nums">{money(figure.amount)}</dd>
          </div>
        ))}
      </dl>
      {grant.components.length > 0 ? (
        <div className="mt-3">
          <h4 className="mb-1 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
            {t("grants.funds")}
          </h4>
          <ul className="divide-y divide-border text-sm">
            {grant.components.map((c) => (
              <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 py-1.5">
                <span>
                  {localized(c, "title", locale)}
                  {localized(c, "description", locale) ? (
                    <span className="block text-xs text-muted-foreground">{localized(c, "description", locale)}</span>
                  ) : null}
                </span>
                <span className="tabular-nums">{money(c.amount)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </article>
  );
}
