"use client";

import { useTranslations } from "next-intl";
import { type FormEvent, startTransition, useActionState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { useFieldIds } from "./field";
import { Input, Label } from "./form";

interface SignInState {
  error: string | null;
  email: string;
}

const KNOWN_ERRORS = ["invalid_credentials", "admins_only", "AccessDenied", "totp_required", "totp_invalid"] as const;

/** `too_many_attempts:<seconds>` carries the wait; the message rounds it up to whole minutes. */
function throttledMinutes(error: string | null): number | null {
  const match = error ? /^too_many_attempts:(\d+)$/.exec(error) : null;
  return match ? Math.max(1, Math.ceil(Number(match[1]) / 60)) : null;
}

export function SignInForm({
  action,
  next,
  initialError,
  oidc,
}: {
  action: (state: SignInState, formData: FormData) => Promise<SignInState>;
  next: string;
  initialError?: string | null;
  oidc?: { name: string; action: () => Promise<void> } | null;
}) {
  const t = useTranslations("auth");
  const fieldId = useFieldIds();
  const [state, formAction, pending] = useActionState(action, { error: initialError ?? null, email: "" });
  const minutes = throttledMinutes(state.error);
  const errorKey = state.error
    ? minutes !== null
      ? "too_many_attempts"
      : (KNOWN_ERRORS as readonly string[]).includes(state.error)
        ? state.error
        : "generic"
    : null;
  const askCode = state.error === "totp_required" || state.error === "totp_invalid";
  // Submitting without React's form reset keeps the password typed when the code is asked for next.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return (
    <div className="flex flex-col gap-4">
      {errorKey ? (
        <Alert data-testid="sign-in-error" id={fieldId("sign-in-error")}>
          {errorKey === "too_many_attempts"
            ? t("errors.too_many_attempts", { minutes: minutes ?? 1 })
            : t(`errors.${errorKey}` as "errors.generic")}
        </Alert>
      ) : null}
      <form
        action={formAction}
        onSubmit={submit}
        className="flex flex-col gap-4"
        aria-describedby={errorKey ? fieldId("sign-in-error") : undefined}
      >
        <input type="hidden" name="next" value={next} />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={fieldId("email")}>{t("email")}</Label>
          <Input
            id={fieldId("email")}
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            aria-invalid={Boolean(errorKey)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor={fieldId("password")}>{t("password")}</Label>
          <Input
            id={fieldId("password")}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(errorKey)}
          />
        </div>
        {askCode ? (
          <div className="flex flex-col gap-1.5">
            <Label htmlFor={fieldId("code")}>{t("code")}</Label>
            <Input
              id={fieldId("code")}
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]{6,7}"
              required
              autoFocus
              aria-describedby={fieldId("code-hint")}
            />
            <p id={fieldId("code-hint")} className="text-xs text-muted-foreground">
              {t("codeHint")}
            </p>
          </div>
        ) : null}
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </form>
      {oidc ? (
        <form action={oidc.action} className="flex flex-col gap-3">
          <p className="text-center text-xs uppercase text-muted-foreground">{t("or")}</p>
          <Button type="submit" variant="outline">
            {t("oidc", { name: oidc.name })}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
