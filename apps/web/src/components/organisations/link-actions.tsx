"use client";

import { ORGANISATION_RELATION_KINDS } from "@portal/domain";
import { Alert, Button, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { describedBy, Field } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { isApiError } from "@portal/ui/server-errors";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import type { LinkEdit, LinkEditValues as Values } from "./form-schemas";

/** Edit or remove one coalition link, inline (officers and admins). `label` names the link for screen readers. */
function LinkActions({
  link,
  label,
}: {
  link: { id: string; kind: string; noteEn: string | null; noteFr: string | null; since: string | null };
  label: string;
}) {
  const t = useTranslations("organisations.linkForm");
  const tk = useTranslations("organisations.relationKind");
  const refusalText = useRefusalMessage();
  const router = useRouter();
  const [mode, setMode] = useState<"idle" | "edit" | "remove">("idle");
  const [removeError, setRemoveError] = useState<string | null>(null);
  const update = useApiMutation((api) => api.partnerships.updateLink.mutate);
  const remove = useApiMutation((api) => api.partnerships.deleteLink.mutate);
  const validate = useLazySchema<Values, LinkEdit>(async () => {
    const { linkEditSchema } = await import("./form-schemas");
    return schemaValidator(linkEditSchema);
  }, []);
  const { register, handleSubmit, isSubmitting, errorAt, formError, setError } = useForm<Values, LinkEdit>({
    validate,
    defaultValues: {
      id: link.id,
      kind: link.kind,
      noteEn: link.noteEn ?? "",
      noteFr: link.noteFr ?? "",
      since: link.since ?? "",
    },
  });
  const id = (name: string) => `link-${link.id}-${name}`;

  if (mode === "idle") {
    return (
      <span className="flex gap-1">
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => setMode("edit")}
          aria-label={t("editLabel", { link: label })}
        >
          {t("edit")}
        </Button>
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => setMode("remove")}
          aria-label={t("removeLabel", { link: label })}
        >
          {t("remove")}
        </Button>
      </span>
    );
  }
  if (mode === "remove") {
    return (
      <div
        className="flex flex-col gap-2 rounded-md border border-border p-3 text-sm"
        role="group"
        aria-label={t("removeLabel", { link: label })}
      >
        <p>{t("confirmRemove")}</p>
        {removeError ? <Alert>{removeError}</Alert> : null}
        <div className="flex gap-2">
          <Button
            type="button"
            size="sm"
            disabled={remove.isPending}
            onClick={async () => {
              try {
                await remove.mutateAsync({ id: link.id });
                router.refresh();
              } catch (error) {
                setRemoveError(isApiError(error) ? error.message : t("saveFailed"));
              }
            }}
          >
            {t("confirm")}
          </Button>
          <Button type="button" size="sm" variant="ghost" onClick={() => setMode("idle")}>
            {t("cancel")}
          </Button>
        </div>
      </div>
    );
  }
  const onSubmit = handleSubmit(async (data) => {
    try {
      await update.mutateAsync(data);
      setMode("idle");
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });
  return (
    <form
      onSubmit={onSubmit}
      noValidate
      className="flex w-full flex-col gap-3 rounded-md border border-border p-3"
      aria-label={t("editLabel", { link: label })}
    >
      {formError ? <Alert>{formError}</Alert> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Field id={id("kind")} label={t("kind")} error={errorAt("kind")}>
          <Select {...register("kind")} {...describedBy(id("kind"), errorAt("kind"))}>
            {ORGANISATION_RELATION_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {tk(kind)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id={id("since")} label={t("since")} error={errorAt("since")}>
          <Input type="date" {...register("since")} {...describedBy(id("since"), errorAt("since"))} />
        </Field>
        <Field id={id("noteEn")} label={t("noteEn")} error={errorAt("noteEn")}>
          <Input lang="en" {...register("noteEn")} {...describedBy(id("noteEn"), errorAt("noteEn"))} />
        </Field>
        <Field id={id("noteFr")} label={t("noteFr")} error={errorAt("noteFr")}>
          <Input lang="fr" {...register("noteFr")} {...describedBy(id("noteFr"), errorAt("noteFr"))} />
        </Field>
      </div>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : t("save")}
        </Button>
        <Button type="button" size="sm" variant="ghost" onClick={() => setMode("idle")}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { LinkActions };
