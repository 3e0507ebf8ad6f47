"use client";

import {
  fiscalQuarterOf,
  fiscalYearLabel,
  fiscalYearOf,
  formatAmountInput,
  formatMoney,
  isIsoDate,
} from "@portal/domain";
import { Alert, Button, Input, intlLocale, Select } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@portal/ui/toast";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { Disbursement, DisbursementValues } from "./form-schemas";
import { todayIso } from "./today";

interface FundingLineOption {
  id: string;
  label: string;
  remaining: number;
}

/**
 * Records money actually paid against an approved instalment (every payment has been approved by a second officer).
 * The idempotency key is made once per form, so a double click or a retried request
 * after a network error records the payment once.
 */
function DisbursementForm({
  grantId,
  currency,
  remaining,
  fundingLines,
  scheduledPayment,
  onDone,
}: {
  grantId: string;
  currency: string;
  remaining: number;
  fundingLines: FundingLineOption[];
  scheduledPayment: { id: string; amount: number; label: string };
  onDone?: () => void;
}) {
  const t = useTranslations("ledger");
  const tf = useTranslations("feedback");
  const refusalText = useRefusalMessage();
  const fieldId = useFieldIds();
  const locale = intlLocale(useLocale());
  const router = useRouter();
  const record = useApiMutation((api) => api.disbursements.record.mutate);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const validate = useLazySchema<DisbursementValues, Disbursement>(async () => {
    const { disbursementSchema } = await import("./form-schemas");
    const messages = {
      invalidDate: t("invalidDate"),
      invalidAmount: t("invalidAmount"),
      referenceRequired: t("referenceRequired"),
    };
    return schemaValidator(disbursementSchema(locale, currency, messages));
  }, [locale, currency, t]);
  const form = useForm<DisbursementValues, Disbursement>({
    validate,
    mode: "onChange",
    defaultValues: {
      paidOn: todayIso(),
      amount: formatAmountInput(scheduledPayment.amount, currency, locale),
      reference: "",
      fundingLineId: "",
    },
  });
  const { register, handleSubmit, isSubmitting, setError, reset, errorAt, formError } = form;
  const paidOn = form.values.paidOn;
  const onSubmit = handleSubmit(async (values) => {
    try {
      await record.mutateAsync({
        grantId,
        paidOn: values.paidOn,
        amount: values.amount,
        reference: values.reference,
        idempotencyKey,
        fundingLineId: values.fundingLineId || null,
        scheduledPaymentId: scheduledPayment.id,
      });
      toast.success(tf("done.disbursement", { amount: formatMoney(values.amount, currency, locale) }));
      setIdempotencyKey(crypto.randomUUID());
      reset({ paidOn: todayIso(), amount: "", reference: "", fundingLineId: "" });
      router.refresh();
      onDone?.();
    } catch (error) {
      applyServerError(error, setError, t("failed"), refusalText);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="disbursement-form">
      <p className="text-sm">{t("payingInstalment", { label: scheduledPayment.label })}</p>
      <p className="text-sm text-muted-foreground">
        {t("remainingToPay", { amount: formatMoney(remaining, currency, locale) })}
      </p>
      {formError ? <Alert data-testid="disbursement-error">{formError}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field
          id={fieldId("paidOn")}
          label={t("paidOn")}
          error={errorAt("paidOn")}
          hint={
            isIsoDate(paidOn)
              ? t("fiscalPeriod", { fy: fiscalYearLabel(fiscalYearOf(paidOn)), q: fiscalQuarterOf(paidOn) })
              : undefined
          }
        >
          <Input type="date" {...register("paidOn")} {...describedBy(fieldId("paidOn"), errorAt("paidOn"))} />
        </Field>
        <Field id={fieldId("amount")} label={t("amountIn", { currency })} error={errorAt("amount")}>
          <Input inputMode="decimal" {...register("amount")} {...describedBy(fieldId("amount"), errorAt("amount"))} />
        </Field>
        <Field id={fieldId("reference")} label={t("paymentReference")} error={errorAt("reference")}>
          <Input
            {...register("reference")}
            {...describedBy(fieldId("reference"), errorAt("reference"))}
            placeholder="EFT-2002-0417"
          />
        </Field>
        <Field id={fieldId("fundingLineId")} label={t("fundingLine")} error={errorAt("fundingLineId")}>
          <Select {...register("fundingLineId")} {...describedBy(fieldId("fundingLineId"), errorAt("fundingLineId"))}>
            <option value="">{t("automatic")}</option>
            {fundingLines.map((line) => (
              <option key={line.id} value={line.id}>
                {line.label} — {t("leftOnLine", { amount: formatMoney(line.remaining, "CAD", locale) })}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("recording") : t("recordDisbursement")}
        </Button>
      </div>
    </form>
  );
}

export { DisbursementForm };
