"use client";

import { PARTNERSHIP_KINDS } from "@portal/domain";
import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { Partnership, PartnershipValues as Values } from "./form-schemas";

const textareaClass = "rounded-md border border-input bg-background px-3 py-2 text-sm";

/** Records or edits the ministry's partnership with an organisation (officers and admins), behind a button. */
function PartnershipForm({
  organisationId,
  initial,
}: {
  organisationId: string;
  initial: { kind: string; since: string | null; descriptionEn: string; descriptionFr: string } | null;
}) {
  const t = useTranslations("organisations.partnershipForm");
  const fieldId = useFieldIds();
  const tk = useTranslations("organisations.kind");
  const refusalText = useRefusalMessage();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const save = useApiMutation((api) => api.partnerships.save.mutate);
  const validate = useLazySchema<Values, Partnership>(async () => {
    const { partnershipSchema } = await import("./form-schemas");
    return schemaValidator(partnershipSchema);
  }, []);
  const { register, handleSubmit, isSubmitting, errorAt, formError, setError } = useForm<Values, Partnership>({
    validate,
    defaultValues: {
      organisationId,
      kind: initial?.kind ?? "",
      since: initial?.since ?? "",
      descriptionEn: initial?.descriptionEn ?? "",
      descriptionFr: initial?.descriptionFr ?? "",
    },
  });
  if (!open) {
    return (
      <Button type="button" variant="outline" size="sm" onClick={() => setOpen(true)} data-testid="edit-partnership">
        {initial ? t("edit") : t("add")}
      </Button>
    );
  }
  const onSubmit = handleSubmit(async (data) => {
    try {
      await save.mutateAsync(data);
      setOpen(false);
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="partnership-form">
      {formError ? <Alert>{formError}</Alert> : null}
      {errorAt("organisationId") ? <Alert>{errorAt("organisationId")}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("partnership-kind")} label={t("kind")} error={errorAt("kind")}>
          <Select {...register("kind")} {...describedBy(fieldId("partnership-kind"), errorAt("kind"))}>
            <option value="">{t("choose")}</option>
            {PARTNERSHIP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tk(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("partnership-since")} label={t("since")} error={errorAt("since")}>
          <Input type="date" {...register("since")} {...describedBy(fieldId("partnership-since"), errorAt("since"))} />
        </Field>
        <Field id={fieldId("partnership-descriptionEn")} label={t("descriptionEn")} error={errorAt("descriptionEn")}>
          <textarea
            lang="en"
            rows={4}
            className={textareaClass}
            {...register("descriptionEn")}
            {...describedBy(fieldId("partnership-descriptionEn"))}
          />
        </Field>
        <Field id={fieldId("partnership-descriptionFr")} label={t("descriptionFr")} error={errorAt("descriptionFr")}>
          <textarea
            lang="fr"
            rows={4}
            className={textareaClass}
            {...register("descriptionFr")}
            {...describedBy(fieldId("partnership-descriptionFr"))}
          />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { PartnershipForm };
