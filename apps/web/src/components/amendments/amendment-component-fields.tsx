"use client";

import { localized } from "@portal/domain";
import { Alert, Button, Input } from "@portal/ui";
import { describedBy, Field } from "@portal/ui/field";
import { useLocale, useTranslations } from "next-intl";
import type { Path } from "@portal/ui/use-form";
import type { AmendmentFieldsetProps, AmendmentFormValues } from "./amendment-form-values";

/**
 * The components of a proposal: the grant's own (a new amount, 0 removes one: nothing paid or scheduled hangs on a
 * component) and the ones it adds, each with its English and French title.
 */
export function AmendmentComponentFields({
  components,
  currency,
  form,
  fieldId,
}: AmendmentFieldsetProps & {
  components: { id: string; titleEn: string; titleFr: string }[];
  currency: string;
}) {
  const { register, errorAt } = form;
  const t = useTranslations("amendments");
  const locale = useLocale();
  const added = form.array("newComponents");
  const input = (path: Path<AmendmentFormValues>, label: string, hint?: string, type?: "decimal") => (
    <Field id={fieldId(path)} label={label} error={errorAt(path)} hint={hint}>
      <Input
        inputMode={type === "decimal" ? "decimal" : undefined}
        {...register(path)}
        {...describedBy(fieldId(path), errorAt(path))}
      />
    </Field>
  );
  return (
    <fieldset className="flex flex-col gap-3" data-testid="amendment-components">
      <legend className="mb-2 text-sm font-medium">{t("form.components", { currency })}</legend>
      {errorAt("components") ? <Alert>{errorAt("components")}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {components.map((c, i) => (
          <div key={c.id}>
            {input(`components.${i}.amount`, localized(c, "title", locale), t("form.zeroRemoves"), "decimal")}
          </div>
        ))}
      </div>
      {added.fields.map((item, j) => (
        <div
          key={item.id}
          className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_1fr_10rem_auto]"
          data-testid={`amendment-new-component-${j}`}
        >
          {input(`newComponents.${j}.titleEn`, t("form.titleEn"))}
          {input(`newComponents.${j}.titleFr`, t("form.titleFr"))}
          {input(`newComponents.${j}.amount`, t("form.amount", { currency }), undefined, "decimal")}
          <div className="flex items-end">
            <Button type="button" variant="ghost" onClick={() => added.remove(j)}>
              {t("form.remove")}
            </Button>
          </div>
        </div>
      ))}
      <div>
        <Button
          type="button"
          variant="outline"
          size="sm"
          onClick={() => added.append({ titleEn: "", titleFr: "", amount: "" })}
          data-testid="amendment-add-component"
        >
          {t("form.addComponent")}
        </Button>
      </div>
    </fieldset>
  );
}
