"use client";

import { ORGANISATION_RELATION_KINDS } from "@portal/domain";
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
  const resolver = useLazyResolver<Values, NewLink>(async () => {
    const [{ zodResolver }, { newLinkSchema }] = await Promise.all([
      import("@hookform/resolvers/zod"),
      import("./form-schemas"),
    ]);
    return zodResolver(newLinkSchema);
  }, []);
  const { register, handleSubmit, formState, setError, reset } = useForm<Values, unknown, NewLink>({
    resolver,
    defaultValues: defaults,
  });
  const errors = formState.errors;
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
    <Select {...register(name)} {...describedBy(fieldId(`link-${name}`), errors[name]?.message)}>
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
      {errors.root?.server?.message ? <Alert>{errors.root.server.message}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id={fieldId("link-fromOrganisationId")} label={t("from")} error={errors.fromOrganisationId?.message}>
          {organisationSelect("fromOrganisationId")}
        </Field>
        <Field id={fieldId("link-kind")} label={t("kind")} error={errors.kind?.message}>
          <Select {...register("kind")} {...describedBy(fieldId("link-kind"), errors.kind?.message)}>
            <option value="">{t("choose")}</option>
            {ORGANISATION_RELATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tk(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={fieldId("link-toOrganisationId")} label={t("to")} error={errors.toOrganisationId?.message}>
          {organisationSelect("toOrganisationId")}
        </Field>
        <Field id={fieldId("link-noteEn")} label={t("noteEn")} error={errors.noteEn?.message}>
          <Input lang="en" {...register("noteEn")} {...describedBy(fieldId("link-noteEn"), errors.noteEn?.message)} />
        </Field>
        <Field id={fieldId("link-noteFr")} label={t("noteFr")} error={errors.noteFr?.message}>
          <Input lang="fr" {...register("noteFr")} {...describedBy(fieldId("link-noteFr"), errors.noteFr?.message)} />
        </Field>
        <Field id={fieldId("link-since")} label={t("since")} error={errors.since?.message}>
          <Input type="date" {...register("since")} {...describedBy(fieldId("link-since"), errors.since?.message)} />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("saving") : t("create")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setOpen(false)}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { LinkForm };
