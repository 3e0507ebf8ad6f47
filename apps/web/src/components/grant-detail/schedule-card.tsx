import { fiscalYearLabel, localized } from "@portal/domain";
import {
  CardContent,
  formatIsoDate,
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
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { ApplyHolds } from "@/components/ledger/apply-holds";
import { PaymentActions } from "@/components/ledger/payment-actions";
import { SchedulePaymentForm } from "@/components/ledger/schedule-payment-form";
import type { GrantView } from "./grant-view";
import { NoneYet } from "./none-yet";

/**
 * The grant's instalments, each with the actions the payment rule allows this person now and why the others are
 * refused (both from the service), and the form to schedule another.
 */
export function ScheduleCard({ grant, isPartner }: { grant: GrantView; isPartner: boolean }) {
  const t = useTranslations("grants");
  const tl = useTranslations("ledger");
  const locale = useLocale();
  const format = useFormatter();
  const fundingLines = grant.fundingLines.map((line) => ({
    id: line.id,
    label: `${line.programme.code} ${fiscalYearLabel(line.fiscalYear)}`,
    remaining: line.remaining,
  }));
  return (
    <SectionCard title={t("schedule")}>
      {grant.holdsToApply > 0 ? <ApplyHolds grantId={grant.id} count={grant.holdsToApply} /> : null}
      {grant.scheduledPayments.length === 0 ? (
        <NoneYet />
      ) : (
        <Table data-testid="schedule-table">
          <TableHeader>
            <TableRow>
              <TableHead>#</TableHead>
              <TableHead>{t("dueOn")}</TableHead>
              <TableHead>{t("purpose")}</TableHead>
              <TableHead numeric>{t("amount")}</TableHead>
              <TableHead>{t("status")}</TableHead>
              {isPartner ? null : <TableHead className="sr-only">{tl("actionsTitle")}</TableHead>}
            </TableRow>
          </TableHeader>
          <TableBody>
            {grant.scheduledPayments.map((p) => (
              <TableRow key={p.id} data-testid={`payment-row-${p.sequence}`}>
                <TableCell>{p.sequence}</TableCell>
                <TableCell>
                  <IsoDate value={p.dueOn} />
                </TableCell>
                <TableCell>{localized(p, "description", locale)}</TableCell>
                <TableCell numeric>
                  <Money amount={p.amount} currency={grant.currency} locale={locale} />
                </TableCell>
                <TableCell>
                  <PaymentStatusBadge status={p.status} />
                </TableCell>
                {isPartner ? null : (
                  <TableCell>
                    <PaymentActions
                      payment={{
                        id: p.id,
                        status: p.status,
                        amount: p.amount,
                        label: String(p.sequence),
                        availableActions: p.availableActions,
                        canPay: p.canPay,
                        blocked: p.blocked,
                      }}
                      grantId={grant.id}
                      currency={grant.currency}
                      remaining={grant.remainingToPay}
                      fundingLines={fundingLines}
                    />
                  </TableCell>
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {grant.permissions.schedulePayment ? (
        <CardContent className="border-t border-border">
          <h3 className="mb-3 text-sm font-semibold">{tl("scheduleTitle")}</h3>
          <SchedulePaymentForm
            grantId={grant.id}
            currency={grant.currency}
            requirements={grant.reportingRequirements.map((r) => ({
              id: r.id,
              label: `${t(`reportKind.${r.kind}`)} · ${t(`reportStage.${r.stage}`)} · ${formatIsoDate(format, r.dueOn)}`,
            }))}
          />
        </CardContent>
      ) : null}
    </SectionCard>
  );
}
