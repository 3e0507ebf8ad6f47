"use client";

import { Alert, Button, Input } from "@portal/ui";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { type AcceptProblem, acceptInvitationAction } from "@/app/invite/[token]/actions";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { schemaValidator, useForm } from "@portal/ui/use-form";

const MIN_PASSWORD = 12;

interface Values {
  name: string;
  password: string;
  confirm: string;
}

/** Name and password for the invited person's new account; on success they are signed in and sent on. */
export function AcceptInvitationForm({
  token,
  email,
  defaultName,
}: {
  token: string;
  email: string;
  defaultName: string;
}) {
  const t = useTranslations("invitations");
  const fieldId = useFieldIds();
  const [problem, setProblem] = useState<AcceptProblem | null>(null);
  const validate = useLazySchema<Values>(async () => {
    const { acceptInvitationSchema } = await import("./form-schemas");
    const messages = {
      nameRequired: t("nameRequired"),
      nameTooLong: t("nameTooLong"),
      passwordTooShort: t("passwordTooShort", { min: MIN_PASSWORD }),
      passwordsDiffer: t("passwordsDiffer"),
    };
    return schemaValidator(acceptInvitationSchema(MIN_PASSWORD, messages));
  }, [t]);
  const form = useForm<Values>({
    validate,
    defaultValues: { name: defaultName, password: "", confirm: "" },
  });

  const submit = form.handleSubmit(async ({ name, password }) => {
    setProblem(null);
    const result = await acceptInvitationAction({ token, name, password });
    // Only reached when something went wrong: success redirects.
    if (result.problem === "password") form.setError("password", t("passwordTooShort", { min: MIN_PASSWORD }));
    else if (result.problem === "name") form.setError("name", t("nameRequired"));
    else setProblem(result.problem);
  });

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field id={fieldId("invite-email")} label={t("email")}>
        <Input id={fieldId("invite-email")} value={email} readOnly autoComplete="username" tone="muted" />
      </Field>
      <Field id={fieldId("invite-name")} label={t("name")} error={form.errorAt("name")}>
        <Input
          autoComplete="name"
          {...describedBy(fieldId("invite-name"), form.errorAt("name"))}
          {...form.register("name")}
        />
      </Field>
      <Field
        id={fieldId("invite-password")}
        label={t("password")}
        error={form.errorAt("password")}
        hint={t("passwordHint", { min: MIN_PASSWORD })}
      >
        <Input
          type="password"
          autoComplete="new-password"
          {...describedBy(fieldId("invite-password"), form.errorAt("password"))}
          {...form.register("password")}
        />
      </Field>
      <Field id={fieldId("invite-confirm")} label={t("confirm")} error={form.errorAt("confirm")}>
        <Input
          type="password"
          autoComplete="new-password"
          {...describedBy(fieldId("invite-confirm"), form.errorAt("confirm"))}
          {...form.register("confirm")}
        />
      </Field>
      {problem ? (
        <Alert data-testid="invitation-problem">
          {t(`problems.${problem}`)}{" "}
          {problem === "failed" || problem === "accepted" || problem === "exists" ? (
            <Link href="/sign-in" className="underline">
              {t("goToSignIn")}
            </Link>
          ) : null}
        </Alert>
      ) : null}
      <Button type="submit" disabled={form.isSubmitting} data-testid="accept-invitation">
        {form.isSubmitting ? t("creating") : t("accept")}
      </Button>
    </form>
  );
}
