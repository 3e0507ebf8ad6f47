"use client";

import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";

export interface OrganisationValues {
  legalNameEn: string;
  legalNameFr: string;
  acronym: string;
  iatiType: string;
  countryCode: string;
  website: string;
}

/** Creates an organisation, or edits one (`id` given). Country and type lists come from the server, already translated. */
function OrganisationForm({
  id,
  initial,
  iatiTypes,
  countries,
}: {
  id?: string;
  initial?: OrganisationValues;
  iatiTypes: { code: number; label: string }[];
  countries: { code: string; name: string }[];
}) {
  const t = useTranslations("adminOrganisations");
  const fieldId = useFieldIds();
  const refusalText = useRefusalMessage();
  const router = useRouter();
  const create = useApiMutation((api) => api.organisations.create.mutate);
  const update = useApiMutation((api) => api.organisations.update.mutate);
  const [saved, setSaved] = useState(false);
  const validate = useLazySchema<OrganisationValues>(async () => {
    const { organisationSchema } = await import("./form-schemas");
    const messages = {
      enterLegalNameEn: t("enterLegalNameEn"),
      enterLegalNameFr: t("enterLegalNameFr"),
      acronymTooLong: t("acronymTooLong"),
      chooseType: t("chooseType"),
      invalidWebsite: t("invalidWebsite"),
    };
    return schemaValidator(organisationSchema(messages));
  }, [t]);
  const { register, handleSubmit, isSubmitting, setError, errorAt, formError } = useForm<OrganisationValues>({
    validate,
    mode: "onBlur",
    defaultValues: initial ?? {
      legalNameEn: "",
      legalNameFr: "",
      acronym: "",
      iatiType: "",
      countryCode: "",
      website: "",
    },
  });
  const onSubmit = handleSubmit(async (values) => {
    setSaved(false);
    const data = {
      legalNameEn: values.legalNameEn,
      legalNameFr: values.legalNameFr,
      acronym: values.acronym || null,
      iatiType: Number(values.iatiType),
      countryCode: values.countryCode || null,
      website: values.website || null,
    };
    try {
      if (id) {
        await update.mutateAsync({ id, data });
        setSaved(true);
        router.refresh();
      } else {
        const created = await create.mutateAsync(data);
        router.push(`/organisations/${created.id}`);
      }
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="organisation-form">
      {formError ? <Alert>{formError}</Alert> : null}
      {saved ? (
        <Alert tone="info" data-testid="organisation-saved">
          {t("saved")}
        </Alert>
      ) : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("org-legalNameEn")} label={t("legalNameEn")} error={errorAt("legalNameEn")}>
          <Input
            lang="en"
            {...register("legalNameEn")}
            {...describedBy(fieldId("org-legalNameEn"), errorAt("legalNameEn"))}
          />
        </Field>
        <Field id={fieldId("org-legalNameFr")} label={t("legalNameFr")} error={errorAt("legalNameFr")}>
          <Input
            lang="fr"
            {...register("legalNameFr")}
            {...describedBy(fieldId("org-legalNameFr"), errorAt("legalNameFr"))}
          />
        </Field>
        <Field id={fieldId("org-acronym")} label={t("acronym")} error={errorAt("acronym")} hint={t("acronymHint")}>
          <Input {...register("acronym")} {...describedBy(fieldId("org-acronym"), errorAt("acronym"))} />
        </Field>
        <Field id={fieldId("org-iatiType")} label={t("iatiType")} error={errorAt("iatiType")}>
          <Select {...register("iatiType")} {...describedBy(fieldId("org-iatiType"), errorAt("iatiType"))}>
            <option value="">{t("chooseTypeOption")}</option>
            {iatiTypes.map((type) => (
              <option key={type.code} value={String(type.code)}>
                {type.code} · {type.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("org-countryCode")} label={t("country")} error={errorAt("countryCode")}>
          <Select {...register("countryCode")} {...describedBy(fieldId("org-countryCode"), errorAt("countryCode"))}>
            <option value="">{t("noCountry")}</option>
            {countries.map((country) => (
              <option key={country.code} value={country.code}>
                {country.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("org-website")} label={t("website")} error={errorAt("website")}>
          <Input
            type="url"
            inputMode="url"
            placeholder="https://"
            {...register("website")}
            {...describedBy(fieldId("org-website"), errorAt("website"))}
          />
        </Field>
      </div>
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {id ? t("save") : t("create")}
        </Button>
      </div>
    </form>
  );
}

export { OrganisationForm };
