"use client";

import { Alert, Button, Input } from "@portal/ui";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { isApiError } from "@portal/ui/server-errors";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
function ForgotPasswordForm() {
  const t = useTranslations("notifications.forgot");
  const fieldId = useFieldIds();
  const request = useApiMutation((api) => api.publicAccount.requestPasswordReset.mutate);
  const [email, setEmail] = useState("");
  const [error, setError] = useState<string | null>(null);

  if (request.isSuccess) {
    return (
      <>
        <Alert tone="info" data-testid="reset-requested">
          {t("sent")}
        </Alert>
        <Button asChild variant="outline">
          <Link href="/sign-in">{t("backToSignIn")}</Link>
        </Button>
      </>
    );
  }
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        request.mutateAsync({ email }).catch((caught: unknown) => {
          setError(isApiError(caught) ? caught.message : String(caught));
        });
      }}
    >
      <Field id={fieldId("forgot-email")} label={t("email")} error={error ?? undefined}>
        <Input
          type="email"
          autoComplete="username"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          {...describedBy(fieldId("forgot-email"), error ?? undefined)}
        />
      </Field>
      <Button type="submit" disabled={request.isPending}>
        {t("submit")}
      </Button>
      <Link href="/sign-in" className="text-sm text-muted-foreground underline">
        {t("backToSignIn")}
      </Link>
    </form>
  );
}

export { ForgotPasswordForm };
