"use client";

import { fiscalYearLabel, formatMoney, isCurrencyCode, parseMoney, localized } from "@portal/domain";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Input,
  intlLocale,
  Select,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation, useApiQuery } from "@/trpc/client";
import type { GrantFormOutput, GrantFormValues } from "./form-schema";

const EMPTY_COMPONENT = { titleEn: "", titleFr: "", descriptionEn: "", descriptionFr: "", amount: "" };

function GrantForm({ initial, grantId, version }: { initial?: GrantFormValues; grantId?: string; version?: number }) {
  const t = useTranslations("grantForm");
  const fieldId = useFieldIds();
  const refusalText = useRefusalMessage();
  const locale = useLocale();
  const intl = intlLocale(locale);
  const router = useRouter();
  const options = useApiQuery((api) => api.grants.formOptions.query);
  // zod and the API's schema arrive in their own chunk, right after the page hydrates.
  const validate = useLazySchema<GrantFormValues, GrantFormOutput>(async () => {
    const { grantFormSchema } = await import("./form-schema");
    return schemaValidator(grantFormSchema(intl, t("invalidAmount")));
  }, [intl, t]);
  const form = useForm<GrantFormValues, GrantFormOutput>({
    validate,
    mode: "onChange",
    defaultValues: initial ?? {
      reference: "",
      recipientId: "",
      titleEn: "",
      titleFr: "",
      purposeEn: "",
      purposeFr: "",
      currency: "CAD",
      exchangeRateToCad: "1",
      totalAmount: "",
      startsOn: "",
      endsOn: "",
      leadOfficerId: "",
      components: [EMPTY_COMPONENT],
      fundingLines: [{ allocationId: "", amount: "" }],
    },
  });
  const { register, handleSubmit, isSubmitting, setError, errorAt, formError } = form;
  const components = form.array("components");
  const lines = form.array("fundingLines");
  const watched = form.values;
  const currency = isCurrencyCode(watched.currency.toUpperCase()) ? watched.currency.toUpperCase() : "CAD";
  const sum = (values: (string | undefined)[], cur: string) =>
    values.reduce((acc, v) => acc + (parseMoney(v ?? "", cur, intl) ?? 0), 0);
  const componentsTotal = sum(
    watched.components.map((c) => c.amount),
    currency,
  );
  const fundingTotal = sum(
    watched.fundingLines.map((l) => l.amount),
    "CAD",
  );

  const create = useApiMutation((api) => api.grants.create.mutate);
  const update = useApiMutation((api) => api.grants.update.mutate);
  const onSubmit = handleSubmit(async (data) => {
    try {
      const saved =
        grantId && version ? await update.mutateAsync({ id: grantId, version, data }) : await create.mutateAsync(data);
      router.push(`/grants/${saved.id}`);
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });

  const field = (name: keyof GrantFormValues, label: string, input: React.ReactNode, hint?: string) => (
    <Field id={fieldId(name)} label={label} error={errorAt(name)} hint={hint}>
      {input}
    </Field>
  );
  const text = (
    name: "reference" | "titleEn" | "titleFr" | "exchangeRateToCad" | "currency" | "totalAmount",
    extra: React.ComponentProps<"input"> = {},
  ) => <Input {...register(name)} {...describedBy(fieldId(name), errorAt(name))} {...extra} />;

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-busy={isSubmitting}>
      {formError ? <Alert data-testid="form-error">{formError}</Alert> : null}
      <Card>
        <CardHeader>
          <CardTitle>{t("agreement")}</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4 md:grid-cols-2">
          {field(
            "reference",
            t("reference"),
            text("reference", { placeholder: "MAPP-2002-014", autoCapitalize: "characters" }),
            t("referenceHint"),
          )}
          {field(
            "recipientId",
            t("recipient"),
            <Select
              {...register("recipientId")}
              {...describedBy(fieldId("recipientId"), errorAt("recipientId"))}
              className="w-full"
            >
              <option value="">{t("choose")}</option>
              {options.data?.organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.acronym ? `${o.acronym} — ` : ""}
                  {localized(o, "name", locale)}
                </option>
              ))}
            </Select>,
          )}
          {field("titleEn", t("titleEn"), text("titleEn", { lang: "en" }))}
          {field("titleFr", t("titleFr"), text("titleFr", { lang: "fr" }))}
          <Field id={fieldId("purposeEn")} label={t("purposeEn")} error={errorAt("purposeEn")}>
            <textarea
              lang="en"
              rows={3}
              className="rounded-md border border-input px-3 py-2 text-sm"
              {...register("purposeEn")}
              {...describedBy(fieldId("purposeEn"))}
            />
          </Field>
          <Field id={fieldId("purposeFr")} label={t("purposeFr")} error={errorAt("purposeFr")}>
            <textarea
              lang="fr"
              rows={3}
              className="rounded-md border border-input px-3 py-2 text-sm"
              {...register("purposeFr")}
              {...describedBy(fieldId("purposeFr"))}
            />
          </Field>
          {field("currency", t("currency"), text("currency", { maxLength: 3, autoCapitalize: "characters" }))}
          {field(
            "exchangeRateToCad",
            t("exchangeRate"),
            text("exchangeRateToCad", { inputMode: "decimal" }),
            t("exchangeRateHint"),
          )}
          {field(
            "totalAmount",
            t("totalAmount", { currency }),
            text("totalAmount", {
              inputMode: "decimal",
              placeholder: formatMoney(48474400, currency === "CAD" ? "CAD" : currency, intl),
            }),
          )}
          {field(
            "leadOfficerId",
            t("leadOfficer"),
            <Select {...register("leadOfficerId")} {...describedBy(fieldId("leadOfficerId"))} className="w-full">
              <option value="">{t("none")}</option>
              {options.data?.officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </Select>,
          )}
          <Field id={fieldId("startsOn")} label={t("startsOn")} error={errorAt("startsOn")}>
            <Input type="date" {...register("startsOn")} {...describedBy(fieldId("startsOn"), errorAt("startsOn"))} />
          </Field>
          <Field id={fieldId("endsOn")} label={t("endsOn")} error={errorAt("endsOn")}>
            <Input type="date" {...register("endsOn")} {...describedBy(fieldId("endsOn"), errorAt("endsOn"))} />
          </Field>
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("components")}</CardTitle>
          <CardDescription>{t("componentsHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {components.fields.map((item, index) => (
            <fieldset
              key={item.id}
              className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_1fr_12rem_auto]"
              aria-label={t("componentN", { n: index + 1 })}
            >
              <Field
                id={fieldId(`components.${index}.titleEn`)}
                label={t("titleEn")}
                error={errorAt(`components.${index}.titleEn`)}
              >
                <Input
                  lang="en"
                  {...register(`components.${index}.titleEn`)}
                  {...describedBy(fieldId(`components.${index}.titleEn`), errorAt(`components.${index}.titleEn`))}
                />
              </Field>
              <Field
                id={fieldId(`components.${index}.titleFr`)}
                label={t("titleFr")}
                error={errorAt(`components.${index}.titleFr`)}
              >
                <Input
                  lang="fr"
                  {...register(`components.${index}.titleFr`)}
                  {...describedBy(fieldId(`components.${index}.titleFr`), errorAt(`components.${index}.titleFr`))}
                />
              </Field>
              <Field
                id={fieldId(`components.${index}.amount`)}
                label={t("amount", { currency })}
                error={errorAt(`components.${index}.amount`)}
              >
                <Input
                  inputMode="decimal"
                  {...register(`components.${index}.amount`)}
                  {...describedBy(fieldId(`components.${index}.amount`), errorAt(`components.${index}.amount`))}
                />
              </Field>
              <div className="flex items-end">
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => components.remove(index)}
                  disabled={components.fields.length === 1}
                >
                  {t("remove")}
                </Button>
              </div>
            </fieldset>
          ))}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Button type="button" variant="outline" onClick={() => components.append(EMPTY_COMPONENT)}>
              {t("addComponent")}
            </Button>
            <p className="text-sm tabular-nums" data-testid="components-sum">
              {t("componentsSum", { sum: formatMoney(componentsTotal, currency, intl) })}
            </p>
          </div>
          {errorAt("components") ? <Alert>{errorAt("components")}</Alert> : null}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t("funding")}</CardTitle>
          <CardDescription>{t("fundingHint")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {lines.fields.map((item, index) => (
            <fieldset
              key={item.id}
              className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_12rem_auto]"
              aria-label={t("fundingN", { n: index + 1 })}
            >
              <Field
                id={fieldId(`fundingLines.${index}.allocationId`)}
                label={t("allocation")}
                error={errorAt(`fundingLines.${index}.allocationId`)}
              >
                <Select
                  {...register(`fundingLines.${index}.allocationId`)}
                  {...describedBy(
                    fieldId(`fundingLines.${index}.allocationId`),
                    errorAt(`fundingLines.${index}.allocationId`),
                  )}
                >
                  <option value="">{t("choose")}</option>
                  {options.data?.allocations.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.programme.code} · {fiscalYearLabel(a.fiscalYear)} —{" "}
                      {t("availableShort", { amount: formatMoney(a.available, "CAD", intl) })}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field
                id={fieldId(`fundingLines.${index}.amount`)}
                label={t("amount", { currency: "CAD" })}
                error={errorAt(`fundingLines.${index}.amount`)}
              >
                <Input
                  inputMode="decimal"
                  {...register(`fundingLines.${index}.amount`)}
                  {...describedBy(fieldId(`fundingLines.${index}.amount`), errorAt(`fundingLines.${index}.amount`))}
                />
              </Field>
              <div className="flex items-end">
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => lines.remove(index)}
                  disabled={lines.fields.length === 1}
                >
                  {t("remove")}
                </Button>
              </div>
            </fieldset>
          ))}
          <div className="flex flex-wrap items-center justify-between gap-3">
            <Button type="button" variant="outline" onClick={() => lines.append({ allocationId: "", amount: "" })}>
              {t("addFunding")}
            </Button>
            <p className="text-sm tabular-nums" data-testid="funding-sum">
              {t("fundingSum", { sum: formatMoney(fundingTotal, "CAD", intl) })}
            </p>
          </div>
          {errorAt("fundingLines") ? <Alert>{errorAt("fundingLines")}</Alert> : null}
        </CardContent>
      </Card>

      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : grantId ? t("saveChanges") : t("create")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { GrantForm };
