"use client";

import { formatMoney, isIsoDate, parseMoney } from "@portal/domain";
import { Alert, Button, Input, intlLocale } from "@portal/ui";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { toast } from "@portal/ui/toast";
import { applyServerError, type Form, type Path } from "@portal/ui/use-form";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useApiMutation } from "@/trpc/client";
import { AmendmentComponentFields } from "./amendment-component-fields";
import type { AmendableGrant } from "./propose-amendment-form";
import type { AmendmentFormValues as Values } from "./amendment-form-values";
import { AmendmentFundingFields } from "./amendment-funding-fields";

/**
 * The proposal itself, loaded when the form is opened (and fetched right after the page hydrates): every figure
 * starts at its current value and the whole state is sent: the server works out what changes (unchanged fields are
 * no-ops), and its refusals land on the field they name, in the same order. The values live in the opener's form,
 * so closing and reopening keeps what was typed.
 */
export function AmendmentProposal({
  form,
  grantId,
  currency,
  current,
  onClose,
}: {
  form: Form<Values>;
  grantId: string;
  currency: string;
  current: AmendableGrant;
  onClose: () => void;
}) {
  const t = useTranslations("amendments");
  const tg = useTranslations("grants");
  const numberLocale = intlLocale(useLocale());
  const fieldId = useFieldIds();
  const router = useRouter();
  const propose = useApiMutation((api) => api.amendments.propose.mutate);
  const { register, handleSubmit, isSubmitting, setError, reset, errorAt } = form;

  const onSubmit = handleSubmit(async (values) => {
    let valid = true;
    const cents = (path: Path<Values>, text: string, inCurrency: string, allowZero = false) => {
      const amount = parseMoney(text, inCurrency, numberLocale);
      if (amount === null || amount < 0 || (amount === 0 && !allowZero)) {
        setError(path, t("form.invalidAmount"));
        valid = false;
        return 0;
      }
      return amount;
    };
    const dateAt = (path: Path<Values>, text: string) => {
      if (!isIsoDate(text)) {
        setError(path, t("form.invalidDate"));
        valid = false;
      }
      return text;
    };
    const input = {
      grantId,
      reason: values.reason,
      endsOn: dateAt("endsOn", values.endsOn),
      totalAmount: cents("totalAmount", values.totalAmount, currency),
      components: current.components.map((c, i) => ({
        id: c.id,
        amount: cents(`components.${i}.amount`, values.components[i]!.amount, currency, true),
      })),
      newComponents: values.newComponents.map((c, j) => ({
        titleEn: c.titleEn,
        titleFr: c.titleFr,
        amount: cents(`newComponents.${j}.amount`, c.amount, currency),
      })),
      fundingLines: values.fundingLines.map((l, i) => {
        if (!l.allocationId) {
          setError(`fundingLines.${i}.allocationId`, t("form.chooseAllocation"));
          valid = false;
        }
        return { allocationId: l.allocationId, amount: cents(`fundingLines.${i}.amount`, l.amount, "CAD", true) };
      }),
      payments: current.payments.map((p, i) => ({
        id: p.id,
        dueOn: dateAt(`payments.${i}.dueOn`, values.payments[i]!.dueOn),
        amount: cents(`payments.${i}.amount`, values.payments[i]!.amount, currency),
      })),
      requirements: current.requirements.map((r, i) => ({
        id: r.id,
        dueOn: dateAt(`requirements.${i}.dueOn`, values.requirements[i]!.dueOn),
      })),
    };
    if (!valid) return;
    try {
      await propose.mutateAsync(input);
      toast.success(t("done.propose"));
      reset();
      onClose();
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("failed"));
    }
  });

  const groupError = (name: string) => {
    const message = errorAt(name);
    return message ? <Alert>{message}</Alert> : null;
  };
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-5" data-testid="amendment-form">
      <div>
        <h3 className="text-sm font-semibold">{t("form.title")}</h3>
        <p className="text-sm text-muted-foreground">{t("form.intro")}</p>
      </div>
      {form.formError ? <Alert>{form.formError}</Alert> : null}
      {groupError("changes")}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("endsOn")} label={t("form.endsOn")} error={errorAt("endsOn")}>
          <Input type="date" {...register("endsOn")} {...describedBy(fieldId("endsOn"), errorAt("endsOn"))} />
        </Field>
        <Field
          id={fieldId("totalAmount")}
          label={t("form.totalAmount", { currency })}
          error={errorAt("totalAmount")}
          hint={t("form.paid", { amount: formatMoney(current.disbursed, currency, numberLocale) })}
        >
          <Input
            inputMode="decimal"
            {...register("totalAmount")}
            {...describedBy(fieldId("totalAmount"), errorAt("totalAmount"))}
          />
        </Field>
      </div>

      <AmendmentComponentFields components={current.components} currency={currency} {...{ form, fieldId }} />
      <AmendmentFundingFields
        lines={current.fundingLines}
        newAllocations={current.newAllocations}
        {...{ form, fieldId }}
      />

      {current.payments.length > 0 ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium">{t("form.payments")}</legend>
          {groupError("payments")}
          {current.payments.map((p, i) => {
            const due = `payments.${i}.dueOn` as const;
            const amount = `payments.${i}.amount` as const;
            return (
              <div key={p.id} className="grid gap-4 md:grid-cols-2" data-testid={`amendment-payment-${p.sequence}`}>
                <Field
                  id={fieldId(due)}
                  label={`${t("form.instalment", { sequence: p.sequence })} · ${t("form.dueOn")}`}
                  error={errorAt(due)}
                >
                  <Input type="date" {...register(due)} {...describedBy(fieldId(due), errorAt(due))} />
                </Field>
                <Field
                  id={fieldId(amount)}
                  label={`${t("form.instalment", { sequence: p.sequence })} · ${t("form.amount", { currency })}`}
                  error={errorAt(amount)}
                >
                  <Input inputMode="decimal" {...register(amount)} {...describedBy(fieldId(amount), errorAt(amount))} />
                </Field>
              </div>
            );
          })}
        </fieldset>
      ) : null}

      {current.requirements.length > 0 ? (
        <fieldset className="flex flex-col gap-3">
          <legend className="mb-2 text-sm font-medium">{t("form.requirements")}</legend>
          <div className="grid gap-4 md:grid-cols-2">
            {current.requirements.map((r, i) => {
              const path = `requirements.${i}.dueOn` as const;
              return (
                <Field
                  key={r.id}
                  id={fieldId(path)}
                  label={`${t("form.report", { kind: tg(`reportKind.${r.kind}`), stage: tg(`reportStage.${r.stage}`) })} · ${t("form.dueOn")}`}
                  error={errorAt(path)}
                >
                  <Input type="date" {...register(path)} {...describedBy(fieldId(path), errorAt(path))} />
                </Field>
              );
            })}
          </div>
        </fieldset>
      ) : null}

      <Field id={fieldId("reason")} label={t("form.reason")} error={errorAt("reason")}>
        <textarea
          rows={3}
          className="rounded-md border border-input px-3 py-2 text-sm"
          {...register("reason")}
          {...describedBy(fieldId("reason"), errorAt("reason"))}
        />
      </Field>
      <div className="flex gap-2">
        <Button type="submit" disabled={isSubmitting} data-testid="amendment-submit">
          {t("form.submit")}
        </Button>
        <Button type="button" variant="ghost" onClick={onClose}>
          {t("form.close")}
        </Button>
      </div>
    </form>
  );
}
