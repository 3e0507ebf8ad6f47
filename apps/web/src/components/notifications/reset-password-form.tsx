"use client";

import { MIN_RESET_PASSWORD_LENGTH } from "@portal/domain";
import { Alert, Button, Input } from "@portal/ui";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { isApiError } from "@portal/ui/server-errors";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useApiMutation } from "@/trpc/client";

/** The new password, twice; the link's token goes with it and works once. */
function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("notifications.reset");
  const fieldId = useFieldIds();
  const ti = useTranslations("invitations");
  const reset = useApiMutation((api) => api.publicAccount.resetPassword.mutate);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [error, setError] = useState<{ field: "password" | "confirm" | "form"; message: string } | null>(null);

  if (reset.isSuccess) {
    return (
      <>
        <Alert tone="info" data-testid="password-reset-done">
          {t("done")}
        </Alert>
        <Button asChild>
          <Link href="/sign-in">{t("signIn")}</Link>
        </Button>
      </>
    );
  }
  const fieldError = (field: "password" | "confirm") => (error?.field === field ? error.message : undefined);
  return (
    <form
      className="flex flex-col gap-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        setError(null);
        if (password.length < MIN_RESET_PASSWORD_LENGTH) {
          setError({ field: "password", message: ti("passwordTooShort", { min: MIN_RESET_PASSWORD_LENGTH }) });
          return;
        }
        if (password !== confirm) {
          setError({ field: "confirm", message: t("mismatch") });
          return;
        }
        reset.mutateAsync({ token, password }).catch((caught: unknown) => {
          setError({ field: "form", message: isApiError(caught) ? caught.message : String(caught) });
        });
      }}
    >
      <Field
        id={fieldId("reset-password")}
        label={t("password")}
        error={fieldError("password")}
        hint={ti("passwordHint", { min: MIN_RESET_PASSWORD_LENGTH })}
      >
        <Input
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          {...describedBy(fieldId("reset-password"), fieldError("password"))}
        />
      </Field>
      <Field id={fieldId("reset-confirm")} label={t("confirm")} error={fieldError("confirm")}>
        <Input
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(event) => setConfirm(event.target.value)}
          {...describedBy(fieldId("reset-confirm"), fieldError("confirm"))}
        />
      </Field>
      {error?.field === "form" ? <Alert data-testid="reset-problem">{error.message}</Alert> : null}
      <Button type="submit" disabled={reset.isPending}>
        {t("submit")}
      </Button>
    </form>
  );
}

export { ResetPasswordForm };
