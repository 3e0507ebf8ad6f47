"use client";

import { fiscalYearLabel, formatMoney } from "@portal/domain";
import { Alert, Button, Input, intlLocale, Select } from "@portal/ui";
import { describedBy, Field } from "@portal/ui/field";
import { useLocale, useTranslations } from "next-intl";
import type { AmendmentFieldsetProps } from "./amendment-form-values";

interface Line {
  allocationId: string;
  programme: string;
  fiscalYear: number;
}

/**
 * The funding split of a proposal, as one list so the server's refusals land in place: the grant's lines first (0
 * removes one nothing was paid from), then lines on allocations of the officer's programmes (the only ones the
 * service accepts), chosen with what each still has available.
 */
export function AmendmentFundingFields({
  lines,
  newAllocations,
  form,
  fieldId,
}: AmendmentFieldsetProps & {
  lines: (Line & { disbursed: number })[];
  newAllocations: (Line & { available: number })[];
}) {
  const { register, errorAt } = form;
  const t = useTranslations("amendments");
  const numberLocale = intlLocale(useLocale());
  const split = form.array("fundingLines");
  const label = (line: Line) => `${line.programme} ${fiscalYearLabel(line.fiscalYear)}`;
  const amountField = (i: number, fieldLabel: string, hint?: string) => {
    const path = `fundingLines.${i}.amount` as const;
    return (
      <Field id={fieldId(path)} label={fieldLabel} error={errorAt(path)} hint={hint}>
        <Input inputMode="decimal" {...register(path)} {...describedBy(fieldId(path), errorAt(path))} />
      </Field>
    );
  };
  return (
    <fieldset className="flex flex-col gap-3" data-testid="amendment-funding">
      <legend className="mb-2 text-sm font-medium">{t("form.fundingLines")}</legend>
      {errorAt("fundingLines") ? <Alert>{errorAt("fundingLines")}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {lines.map((line, i) => (
          <div key={line.allocationId}>
            {amountField(
              i,
              label(line),
              `${t("form.paid", { amount: formatMoney(line.disbursed, "CAD", numberLocale) })} · ${t("form.zeroRemoves")}`,
            )}
          </div>
        ))}
      </div>
      {split.fields.slice(lines.length).map((item, offset) => {
        const i = lines.length + offset;
        const path = `fundingLines.${i}.allocationId` as const;
        return (
          <div
            key={item.id}
            className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_12rem_auto]"
            data-testid={`amendment-new-line-${offset}`}
          >
            <Field id={fieldId(path)} label={t("form.allocation")} error={errorAt(path)}>
              <Select {...register(path)} {...describedBy(fieldId(path), errorAt(path))}>
                <option value="">{t("form.chooseAllocation")}</option>
                {newAllocations.map((a) => (
                  <option key={a.allocationId} value={a.allocationId}>
                    {label(a)} — {t("form.available", { amount: formatMoney(a.available, "CAD", numberLocale) })}
                  </option>
                ))}
              </Select>
            </Field>
            {amountField(i, t("form.amount", { currency: "CAD" }))}
            <div className="flex items-end">
              <Button type="button" variant="ghost" onClick={() => split.remove(i)}>
                {t("form.remove")}
              </Button>
            </div>
          </div>
        );
      })}
      {newAllocations.length > 0 ? (
        <div>
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={() => split.append({ allocationId: "", amount: "" })}
            data-testid="amendment-add-line"
          >
            {t("form.addFundingLine")}
          </Button>
        </div>
      ) : null}
    </fieldset>
  );
}
