"use client";

import { isApiError } from "./server-errors";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";
import { Alert } from "./alert";
import { Button } from "./button";
import { describedBy, Field, useFieldIds } from "./field";
import { Input } from "./form";

/** A server refusal as the person should read it: the field it names (if any) and its message. */
function refusal(error: unknown, fallback: string): { field: string | null; message: string } {
  if (!isApiError(error)) return { field: null, message: fallback };
  const data = (error.data ?? {}) as { field?: string | null; fieldErrors?: Record<string, string> | null };
  const [zodField, zodMessage] = Object.entries(data.fieldErrors ?? {})[0] ?? [];
  if (zodField && zodMessage) return { field: zodField, message: zodMessage };
  return { field: data.field ?? null, message: error.message || fallback };
}

const text = (form: HTMLFormElement, name: string) => {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
};

/** Current password, new password; the server checks strength and ends the other sessions. */
export function ChangePasswordForm({
  changePassword,
}: {
  changePassword: (input: { currentPassword: string; newPassword: string }) => Promise<unknown>;
}) {
  const t = useTranslations("account.password");
  const fieldId = useFieldIds();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<{ field: string | null; message: string } | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setError(null);
    setDone(false);
    try {
      await changePassword({ currentPassword: text(form, "currentPassword"), newPassword: text(form, "newPassword") });
      form.reset();
      setDone(true);
    } catch (caught) {
      setError(refusal(caught, t("failed")));
    } finally {
      setPending(false);
    }
  };
  const fieldError = (name: string) => (error?.field === name ? error.message : undefined);
  return (
    <form onSubmit={(event) => void submit(event)} className="flex max-w-md flex-col gap-4">
      <Field id={fieldId("currentPassword")} label={t("current")} error={fieldError("currentPassword")}>
        <Input
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          {...describedBy(fieldId("currentPassword"), fieldError("currentPassword"))}
        />
      </Field>
      <Field id={fieldId("newPassword")} label={t("new")} hint={t("newHint")} error={fieldError("newPassword")}>
        <Input
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={12}
          required
          {...describedBy(fieldId("newPassword"), fieldError("newPassword"))}
        />
      </Field>
      {error && !error.field ? <Alert>{error.message}</Alert> : null}
      {done ? (
        <Alert tone="info" data-testid="password-changed">
          {t("done")}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? t("submitting") : t("submit")}
        </Button>
      </div>
    </form>
  );
}

interface Enrolment {
  secret: string;
  qrDataUrl: string;
}

/** Setting up (scan, confirm with a code) or removing (with the password) an authenticator app. */
export function TotpEnrolment({
  enrolled,
  startTotp,
  confirmTotp,
  removeTotp,
  onChanged,
}: {
  enrolled: boolean;
  startTotp: () => Promise<Enrolment>;
  confirmTotp: (input: { code: string }) => Promise<unknown>;
  removeTotp: (input: { currentPassword: string }) => Promise<unknown>;
  onChanged: () => void;
}) {
  const t = useTranslations("account.totp");
  const fieldId = useFieldIds();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const run = async (work: () => Promise<void>) => {
    setPending(true);
    setError(null);
    setNotice(null);
    try {
      await work();
    } catch (caught) {
      setError(refusal(caught, t("failed")).message);
    } finally {
      setPending(false);
    }
  };
  const confirm = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = text(event.currentTarget, "code");
    void run(async () => {
      await confirmTotp({ code });
      setEnrolment(null);
      setNotice(t("confirmed"));
      onChanged();
    });
  };
  const remove = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const currentPassword = text(event.currentTarget, "removePassword");
    void run(async () => {
      await removeTotp({ currentPassword });
      setNotice(t("removed"));
      onChanged();
    });
  };
  return (
    <div className="flex max-w-md flex-col gap-4">
      <p className="text-sm" data-testid="totp-status">
        {enrolled ? t("enrolled") : t("notEnrolled")}
      </p>
      {!enrolled && !enrolment ? (
        <div>
          <Button
            type="button"
            disabled={pending}
            onClick={() => void run(async () => setEnrolment(await startTotp()))}
          >
            {pending ? t("starting") : t("start")}
          </Button>
        </div>
      ) : null}
      {enrolment ? (
        <form onSubmit={confirm} className="flex flex-col gap-4">
          <p className="text-sm">{t("scan")}</p>
          {/* A data URL: nothing leaves the server, and the page's CSP allows data: images. */}
          <img src={enrolment.qrDataUrl} alt={t("qrAlt")} width={200} height={200} className="rounded border" />
          <p className="text-sm">
            {t("secret")}:{" "}
            <code className="break-all rounded bg-muted px-1 py-0.5" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <Field id={fieldId("code")} label={t("code")}>
            <Input name="code" inputMode="numeric" autoComplete="one-time-code" required id={fieldId("code")} />
          </Field>
          <div>
            <Button type="submit" disabled={pending}>
              {pending ? t("confirming") : t("confirm")}
            </Button>
          </div>
        </form>
      ) : null}
      {enrolled ? (
        <form onSubmit={remove} className="flex flex-col gap-4">
          <Field id={fieldId("removePassword")} label={t("removePassword")}>
            <Input
              name="removePassword"
              id={fieldId("removePassword")}
              type="password"
              autoComplete="current-password"
              required
            />
          </Field>
          <div>
            <Button type="submit" variant="outline" disabled={pending}>
              {t("remove")}
            </Button>
          </div>
        </form>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      {notice ? <Alert tone="info">{notice}</Alert> : null}
    </div>
  );
}
