"use client";

import { Alert, Button, Input } from "@portal/ui";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { type AcceptProblem, acceptInvitationAction } from "@/app/invite/[token]/actions";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazyResolver } from "@portal/ui/lazy-resolver";

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
  const resolver = useLazyResolver<Values>(async () => {
    const [{ zodResolver }, { acceptInvitationSchema }] = await Promise.all([
      import("@hookform/resolvers/zod"),
      import("./form-schemas"),
    ]);
    const messages = {
      nameRequired: t("nameRequired"),
      nameTooLong: t("nameTooLong"),
      passwordTooShort: t("passwordTooShort", { min: MIN_PASSWORD }),
      passwordsDiffer: t("passwordsDiffer"),
    };
    return zodResolver(acceptInvitationSchema(MIN_PASSWORD, messages));
  }, [t]);
  const form = useForm<Values>({
    resolver,
    defaultValues: { name: defaultName, password: "", confirm: "" },
  });
  const errors = form.formState.errors;

  const submit = form.handleSubmit(async ({ name, password }) => {
    setProblem(null);
    const result = await acceptInvitationAction({ token, name, password });
    // Only reached when something went wrong: success redirects.
    if (result.problem === "password")
      form.setError("password", { message: t("passwordTooShort", { min: MIN_PASSWORD }) });
    else if (result.problem === "name") form.setError("name", { message: t("nameRequired") });
    else setProblem(result.problem);
  });

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      <Field id={fieldId("invite-email")} label={t("email")}>
        <Input id={fieldId("invite-email")} value={email} readOnly autoComplete="username" className="bg-muted/40" />
      </Field>
      <Field id={fieldId("invite-name")} label={t("name")} error={errors.name?.message}>
        <Input
          autoComplete="name"
          {...describedBy(fieldId("invite-name"), errors.name?.message)}
          {...form.register("name")}
        />
      </Field>
      <Field
        id={fieldId("invite-password")}
        label={t("password")}
        error={errors.password?.message}
        hint={t("passwordHint", { min: MIN_PASSWORD })}
      >
        <Input
          type="password"
          autoComplete="new-password"
          {...describedBy(fieldId("invite-password"), errors.password?.message)}
          {...form.register("password")}
        />
      </Field>
      <Field id={fieldId("invite-confirm")} label={t("confirm")} error={errors.confirm?.message}>
        <Input
          type="password"
          autoComplete="new-password"
          {...describedBy(fieldId("invite-confirm"), errors.confirm?.message)}
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
      <Button type="submit" disabled={form.formState.isSubmitting} data-testid="accept-invitation">
        {form.formState.isSubmitting ? t("creating") : t("accept")}
      </Button>
    </form>
  );
}
