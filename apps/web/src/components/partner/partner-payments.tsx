import type { PartnerWorkspace } from "@portal/api/services";
import { localized } from "@portal/domain";
import {
  Badge,
  IsoDate,
  Money,
  PaymentStatusBadge,
  SectionCard,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { ExportDownload } from "@/components/exports/export-download";
import { EmptyList, ListRest } from "./workspace-parts";

/** Payments received (newest first) beside instalments still to come (soonest first), with the full export. */
export async function PartnerPayments({ data, locale }: { data: PartnerWorkspace; locale: string }) {
  const [t, tl] = await Promise.all([getTranslations("partner"), getTranslations("partialLists")]);
  const { received, upcoming } = data;
  const money = (amount: number, currency: string) => <Money amount={amount} currency={currency} locale={locale} />;
  return (
    <SectionCard
      testId="partner-payments"
      title={t("payments.title")}
      description={t("payments.description")}
      actions={data.canExportPayments ? <ExportDownload href="/api/exports/payments" testId="export-payments" /> : null}
    >
      <div className="grid grid-cols-1 gap-0 lg:grid-cols-2 lg:divide-x lg:divide-border">
        <div>
          <h3 className="px-5 pt-4 text-sm font-semibold">{t("payments.received")}</h3>
          {received.rows.length === 0 ? (
            <EmptyList title={t("payments.receivedEmpty")} />
          ) : (
            <Table className="relative" data-testid="received-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.paidOn")}</TableHead>
                  <TableHead>{t("columns.grant")}</TableHead>
                  <TableHead numeric>{t("columns.amount")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {received.rows.map((d) => (
                  <TableRow key={d.id}>
                    <TableCell className="whitespace-nowrap">
                      <IsoDate value={d.paidOn} />
                    </TableCell>
                    <TableCell>
                      <Link href={`/grants/${d.grantId}`} className="link">
                        {d.reference}
                      </Link>
                      <div className="text-xs text-muted-foreground">
                        {d.paymentReference}{" "}
                        {d.isReversal ? <Badge tone="warning">{t("payments.reversal")}</Badge> : null}
                      </div>
                    </TableCell>
                    <TableCell numeric>{money(d.amount, d.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <ListRest
            shown={received.rows.length}
            total={received.total}
            text={tl("paymentsRest", {
              shown: received.rows.length,
              // The count stops at a thousand: "1000+".
              total: `${received.total}${received.atLeast ? "+" : ""}`,
            })}
          />
        </div>
        <div>
          <h3 className="px-5 pt-4 text-sm font-semibold">{t("payments.upcoming")}</h3>
          {upcoming.rows.length === 0 ? (
            <EmptyList title={t("payments.upcomingEmpty")} />
          ) : (
            <Table className="relative" data-testid="upcoming-table">
              <TableHeader>
                <TableRow>
                  <TableHead>{t("columns.dueOn")}</TableHead>
                  <TableHead>{t("columns.instalment")}</TableHead>
                  <TableHead numeric>{t("columns.amount")}</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {upcoming.rows.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell className="whitespace-nowrap">
                      <IsoDate value={p.dueOn} />
                    </TableCell>
                    <TableCell>
                      <Link href={`/grants/${p.grantId}`} className="link">
                        {p.reference}
                      </Link>{" "}
                      <span className="text-xs text-muted-foreground">#{p.sequence}</span>
                      <div className="text-xs text-muted-foreground">{localized(p, "description", locale)}</div>
                      <PaymentStatusBadge status={p.status} audience="partner" />
                    </TableCell>
                    <TableCell numeric>{money(p.amount, p.currency)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <ListRest
            shown={upcoming.rows.length}
            total={upcoming.total}
            text={tl("upcomingRest", { shown: upcoming.rows.length, total: upcoming.total })}
          />
        </div>
      </div>
    </SectionCard>
  );
}
