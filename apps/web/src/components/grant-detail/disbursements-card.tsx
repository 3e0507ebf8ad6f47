import { fiscalYearLabel } from "@portal/domain";
import {
  Badge,
  CardContent,
  IsoDate,
  Money,
  SectionCard,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { ReverseDisbursement } from "@/components/ledger/reverse-disbursement";
import { UnscheduledPaymentForm } from "@/components/ledger/unscheduled-payment-form";
import type { GrantView } from "./grant-view";
import { NoneYet } from "./none-yet";

/** Money paid on the grant, each entry reversible when the service says so, and the request for an unscheduled one. */
export function DisbursementsCard({ grant }: { grant: GrantView }) {
  const t = useTranslations("grants");
  const tl = useTranslations("ledger");
  const tr = useTranslations("ledgerRules");
  const locale = useLocale();
  const { permissions } = grant;
  return (
    <SectionCard title={t("disbursements")}>
      {grant.disbursements.length === 0 ? (
        <NoneYet />
      ) : (
        <Table data-testid="disbursements-table">
          <TableHeader>
            <TableRow>
              <TableHead>{t("paidOn")}</TableHead>
              <TableHead>{t("quarter")}</TableHead>
              <TableHead>{t("reference")}</TableHead>
              <TableHead numeric>{t("amount")}</TableHead>
              {permissions.reverseDisbursement ? <TableHead className="sr-only">{tl("actionsTitle")}</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {grant.disbursements.map((d) => (
              <TableRow key={d.id}>
                <TableCell>
                  <IsoDate value={d.paidOn} />
                </TableCell>
                <TableCell>{tl("fiscalPeriod", { fy: fiscalYearLabel(d.fiscalYear), q: d.fiscalQuarter })}</TableCell>
                <TableCell>
                  {d.reference} {d.reversesId ? <Badge tone="warning">{t("reversal")}</Badge> : null}
                  {d.reason ? <div className="text-xs text-muted-foreground">{d.reason}</div> : null}
                </TableCell>
                <TableCell numeric>
                  <Money amount={d.amount} currency={d.currency} locale={locale} />
                </TableCell>
                {permissions.reverseDisbursement ? (
                  <TableCell>{d.reversible ? <ReverseDisbursement disbursementId={d.id} /> : null}</TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {permissions.reversalsClosed && grant.disbursements.length > 0 ? (
        <CardContent className="border-t border-border">
          <p className="text-sm text-muted-foreground" data-testid="reversals-closed">
            {tr("reversalsClosed")}
          </p>
        </CardContent>
      ) : null}
      {permissions.requestUnscheduledPayment ? (
        <CardContent className="border-t border-border">
          <h3 className="mb-3 text-sm font-semibold">{tr("unscheduled.title")}</h3>
          <UnscheduledPaymentForm grantId={grant.id} currency={grant.currency} />
        </CardContent>
      ) : null}
    </SectionCard>
  );
}
