"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { Input, Label } from "./form";

interface SignInState {
  error: string | null;
  email: string;
}

const KNOWN_ERRORS = ["invalid_credentials", "admins_only", "AccessDenied"] as const;

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
  const [state, formAction, pending] = useActionState(action, { error: initialError ?? null, email: "" });
  const errorKey = state.error
    ? (KNOWN_ERRORS as readonly string[]).includes(state.error)
      ? state.error
      : "generic"
    : null;
  return (
    <div className="flex flex-col gap-4">
      {errorKey ? (
        <Alert data-testid="sign-in-error" id="sign-in-error">
          {t(`errors.${errorKey}` as "errors.generic")}
        </Alert>
      ) : null}
      <form
        action={formAction}
        className="flex flex-col gap-4"
        aria-describedby={errorKey ? "sign-in-error" : undefined}
      >
        <input type="hidden" name="next" value={next} />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="email">{t("email")}</Label>
          <Input
            id="email"
            name="email"
            type="email"
            autoComplete="username"
            required
            defaultValue={state.email}
            aria-invalid={Boolean(errorKey)}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="password">{t("password")}</Label>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={Boolean(errorKey)}
          />
        </div>
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
