"use client";

import { Alert, Button, Input, intlLocale } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { UnscheduledPayment, UnscheduledPaymentValues } from "./form-schemas";
import { todayIso } from "./today";

/**
 * Asks for a payment outside the schedule. It becomes a due instalment that another officer approves before anyone
 * pays it, so no single person can pay money out alone.
 */
function UnscheduledPaymentForm({ grantId, currency }: { grantId: string; currency: string }) {
  const t = useTranslations("ledgerRules.unscheduled");
  const fieldId = useFieldIds();
  const tl = useTranslations("ledger");
  const refusalText = useRefusalMessage();
  const locale = intlLocale(useLocale());
  const router = useRouter();
  const request = useApiMutation((api) => api.payments.requestUnscheduled.mutate);
  const [requested, setRequested] = useState<number | null>(null);
  const validate = useLazySchema<UnscheduledPaymentValues, UnscheduledPayment>(async () => {
    const { unscheduledPaymentSchema } = await import("./form-schemas");
    const messages = {
      invalidDate: t("invalidDate"),
      invalidAmount: t("invalidAmount"),
      reasonRequired: t("reasonRequired"),
    };
    return schemaValidator(unscheduledPaymentSchema(locale, currency, messages));
  }, [locale, currency, t]);
  const { register, handleSubmit, isSubmitting, errorAt, formError, setError, reset } = useForm<
    UnscheduledPaymentValues,
    UnscheduledPayment
  >({
    validate,
    mode: "onChange",
    defaultValues: { dueOn: todayIso(), amount: "", reason: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      const payment = await request.mutateAsync({ grantId, ...values });
      setRequested(payment.sequence);
      reset({ dueOn: todayIso(), amount: "", reason: "" });
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, tl("failed"), refusalText);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="unscheduled-payment-form">
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      {formError ? <Alert data-testid="unscheduled-error">{formError}</Alert> : null}
      {requested !== null ? (
        <p className="text-sm" role="status">
          {t("requested", { sequence: requested })}
        </p>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("up-amount")} label={t("amount", { currency })} error={errorAt("amount")}>
          <Input
            inputMode="decimal"
            {...register("amount")}
            {...describedBy(fieldId("up-amount"), errorAt("amount"))}
          />
        </Field>
        <Field id={fieldId("up-dueOn")} label={t("dueOn")} error={errorAt("dueOn")}>
          <Input type="date" {...register("dueOn")} {...describedBy(fieldId("up-dueOn"), errorAt("dueOn"))} />
        </Field>
        <Field id={fieldId("up-reason")} label={t("reason")} error={errorAt("reason")}>
          <Input {...register("reason")} {...describedBy(fieldId("up-reason"), errorAt("reason"))} />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

export { UnscheduledPaymentForm };
