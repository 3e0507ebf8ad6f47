"use client";

import { ORGANISATION_RELATION_KINDS } from "@portal/domain";
import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { NewLink, NewLinkValues as Values } from "./form-schemas";

export interface OrganisationChoice {
  id: string;
  label: string;
}

/** Adds a coalition link ("MAC is a member of the ICBL"); by default from this organisation, either end may change. */
function LinkForm({
  organisationId,
  organisations,
}: {
  organisationId: string;
  organisations: readonly OrganisationChoice[];
}) {
  const t = useTranslations("organisations.linkForm");
  const fieldId = useFieldIds();
  const tk = useTranslations("organisations.relationKind");
  const refusalText = useRefusalMessage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const create = useApiMutation((api) => api.partnerships.createLink.mutate);
  const defaults: Values = {
    fromOrganisationId: organisationId,
    kind: "",
    toOrganisationId: "",
    noteEn: "",
    noteFr: "",
    since: "",
  };
  const validate = useLazySchema<Values, NewLink>(async () => {
    const { newLinkSchema } = await import("./form-schemas");
    return schemaValidator(newLinkSchema);
  }, []);
  const { register, handleSubmit, isSubmitting, errorAt, formError, setError, reset } = useForm<Values, NewLink>({
    validate,
    defaultValues: defaults,
  });
  if (!open) {
    return (
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="add-link">
        {t("add")}
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (data) => {
    try {
      await create.mutateAsync(data);
      reset(defaults);
      setOpen(false);
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });
  const organisationSelect = (name: "fromOrganisationId" | "toOrganisationId") => (
    <Select {...register(name)} {...describedBy(fieldId(`link-${name}`), errorAt(name))}>
      <option value="">{t("choose")}</option>
      {organisations.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </Select>
  );
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex flex-col gap-4 rounded-md border border-border p-4"
      aria-label={t("addTitle")}
      data-testid="link-form"
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fieldId("link-fromOrganisationId")} label={t("from")} error={errorAt("fromOrganisationId")}>
          {organisationSelect("fromOrganisationId")}
        </Field>
        <Field id={fieldId("link-kind")} label={t("kind")} error={errorAt("kind")}>
          <Select {...register("kind")} {...describedBy(fieldId("link-kind"), errorAt("kind"))}>
            <option value="">{t("choose")}</option>
            {ORGANISATION_RELATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tk(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("link-toOrganisationId")} label={t("to")} error={errorAt("toOrganisationId")}>
          {organisationSelect("toOrganisationId")}
        </Field>
        <Field id={fieldId("link-noteEn")} label={t("noteEn")} error={errorAt("noteEn")}>
          <Input lang="en" {...register("noteEn")} {...describedBy(fieldId("link-noteEn"), errorAt("noteEn"))} />
        </Field>
        <Field id={fieldId("link-noteFr")} label={t("noteFr")} error={errorAt("noteFr")}>
          <Input lang="fr" {...register("noteFr")} {...describedBy(fieldId("link-noteFr"), errorAt("noteFr"))} />
        </Field>
        <Field id={fieldId("link-since")} label={t("since")} error={errorAt("since")}>
          <Input type="date" {...register("since")} {...describedBy(fieldId("link-since"), errorAt("since"))} />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("create")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { LinkForm };
