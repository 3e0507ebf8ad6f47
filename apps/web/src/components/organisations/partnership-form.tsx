"use client";

import { PARTNERSHIP_KINDS } from "@portal/domain";
import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazyResolver } from "@portal/ui/lazy-resolver";
import { applyServerError } from "@portal/ui/server-errors";
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
  const resolver = useLazyResolver<Values, Partnership>(async () => {
    const [{ zodResolver }, { partnershipSchema }] = await Promise.all([
      import("@hookform/resolvers/zod"),
      import("./form-schemas"),
    ]);
    return zodResolver(partnershipSchema);
  }, []);
  const { register, handleSubmit, formState, setError } = useForm<Values, unknown, Partnership>({
    resolver,
    defaultValues: {
      organisationId,
      kind: initial?.kind ?? "",
      since: initial?.since ?? "",
      descriptionEn: initial?.descriptionEn ?? "",
      descriptionFr: initial?.descriptionFr ?? "",
    },
  });
  const errors = formState.errors;
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
      {errors.root?.server?.message ? <Alert>{errors.root.server.message}</Alert> : null}
      {errors.organisationId?.message ? <Alert>{errors.organisationId.message}</Alert> : null}
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("partnership-kind")} label={t("kind")} error={errors.kind?.message}>
          <Select {...register("kind")} {...describedBy(fieldId("partnership-kind"), errors.kind?.message)}>
            <option value="">{t("choose")}</option>
            {PARTNERSHIP_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tk(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("partnership-since")} label={t("since")} error={errors.since?.message}>
          <Input
            type="date"
            {...register("since")}
            {...describedBy(fieldId("partnership-since"), errors.since?.message)}
          />
        </Field>
        <Field
          id={fieldId("partnership-descriptionEn")}
          label={t("descriptionEn")}
          error={errors.descriptionEn?.message}
        >
          <textarea
            lang="en"
            rows={4}
            className={textareaClass}
            {...register("descriptionEn")}
            {...describedBy(fieldId("partnership-descriptionEn"))}
          />
        </Field>
        <Field
          id={fieldId("partnership-descriptionFr")}
          label={t("descriptionFr")}
          error={errors.descriptionFr?.message}
        >
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
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { PartnershipForm };
