"use client";

import { formatMoney } from "@portal/domain";
import { Alert, Button, Input, intlLocale, Select } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { toast } from "@portal/ui/toast";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { SchedulePayment, SchedulePaymentValues } from "./form-schemas";

/** Plans an instalment, optionally held back until a report is accepted (e.g. the final 10%). */
function SchedulePaymentForm({
  grantId,
  currency,
  requirements,
}: {
  grantId: string;
  currency: string;
  requirements: { id: string; label: string }[];
}) {
  const t = useTranslations("ledger");
  const tf = useTranslations("feedback");
  const refusalText = useRefusalMessage();
  const fieldId = useFieldIds();
  const locale = intlLocale(useLocale());
  const router = useRouter();
  const schedule = useApiMutation((api) => api.payments.schedule.mutate);
  const validate = useLazySchema<SchedulePaymentValues, SchedulePayment>(async () => {
    const { schedulePaymentSchema } = await import("./form-schemas");
    const messages = { invalidDate: t("invalidDate"), invalidAmount: t("invalidAmount") };
    return schemaValidator(schedulePaymentSchema(locale, currency, messages));
  }, [locale, currency, t]);
  const { register, handleSubmit, isSubmitting, errorAt, formError, setError, reset } = useForm<
    SchedulePaymentValues,
    SchedulePayment
  >({
    validate,
    mode: "onChange",
    defaultValues: { dueOn: "", amount: "", descriptionEn: "", descriptionFr: "", requirementId: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    try {
      await schedule.mutateAsync({ grantId, ...values, requirementId: values.requirementId || null });
      toast.success(tf("done.schedule", { amount: formatMoney(values.amount, currency, locale) }));
      reset();
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("failed"), refusalText);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="schedule-form">
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("dueOn")} label={t("dueOn")} error={errorAt("dueOn")}>
          <Input type="date" {...register("dueOn")} {...describedBy(fieldId("dueOn"), errorAt("dueOn"))} />
        </Field>
        <Field id={fieldId("amount")} label={t("amountIn", { currency })} error={errorAt("amount")}>
          <Input inputMode="decimal" {...register("amount")} {...describedBy(fieldId("amount"), errorAt("amount"))} />
        </Field>
        <Field id={fieldId("descriptionEn")} label={t("descriptionEn")} error={errorAt("descriptionEn")}>
          <Input
            lang="en"
            {...register("descriptionEn")}
            {...describedBy(fieldId("descriptionEn"))}
            placeholder="50% on signature"
          />
        </Field>
        <Field id={fieldId("descriptionFr")} label={t("descriptionFr")} error={errorAt("descriptionFr")}>
          <Input
            lang="fr"
            {...register("descriptionFr")}
            {...describedBy(fieldId("descriptionFr"))}
            placeholder="50 % à la signature"
          />
        </Field>
        <Field id={fieldId("requirementId")} label={t("heldUntil")} error={errorAt("requirementId")}>
          <Select {...register("requirementId")} {...describedBy(fieldId("requirementId"))}>
            <option value="">{t("noCondition")}</option>
            {requirements.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("schedulePayment")}
        </Button>
      </div>
    </form>
  );
}

export { SchedulePaymentForm };
