"use client";

import { Alert, Button, Input } from "@portal/ui";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";
import { type Capability, CapabilityCheckboxes } from "./capability-checkboxes";

interface Values {
  email: string;
  name: string;
  capabilities: Capability[];
}

/**
 * A manager invites a colleague: the server makes a single-use link valid 14 days and shows it here. No email is
 * sent from this system, so the manager passes the link on themselves.
 */
function InviteColleagueForm({
  organisationId,
  myCapabilities,
}: {
  organisationId: string;
  myCapabilities: Capability[];
}) {
  const t = useTranslations("members");
  const fieldId = useFieldIds();
  const refusalText = useRefusalMessage();
  const format = useFormatter();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const create = useApiMutation((api) => api.invitations.create.mutate);
  const [link, setLink] = useState<{ url: string; email: string; expiresAt: Date } | null>(null);
  const [copied, setCopied] = useState(false);
  const validate = useLazySchema<Values>(async () => {
    const { inviteColleagueSchema } = await import("./form-schemas");
    return schemaValidator(inviteColleagueSchema({ emailInvalid: t("emailInvalid") }));
  }, [t]);
  const form = useForm<Values>({
    validate,
    defaultValues: {
      email: "",
      name: "",
      capabilities: ["view", "submit_reports"].filter((c) => myCapabilities.includes(c as Capability)) as Capability[],
    },
  });

  const submit = form.handleSubmit(async (values) => {
    try {
      const created = await create.mutateAsync({
        email: values.email,
        name: values.name,
        role: "partner",
        organisationId,
        capabilities: values.capabilities,
      });
      const url = created.acceptUrl.startsWith("/")
        ? `${window.location.origin}${created.acceptUrl}`
        : created.acceptUrl;
      setLink({ url, email: created.email, expiresAt: created.expiresAt });
      setCopied(false);
      form.reset({ email: "", name: "", capabilities: values.capabilities });
      startTransition(() => router.refresh());
    } catch (error) {
      applyServerError(error, form.setError, t("inviteFailed"), refusalText);
    }
  });

  return (
    <div className="flex flex-col gap-4">
      <form onSubmit={submit} className="grid gap-4 md:grid-cols-2" noValidate>
        <Field id={fieldId("invite-email")} label={t("email")} error={form.errorAt("email")}>
          <Input
            type="email"
            autoComplete="off"
            {...describedBy(fieldId("invite-email"), form.errorAt("email"))}
            {...form.register("email")}
          />
        </Field>
        <Field id={fieldId("invite-name")} label={t("nameOptional")} error={form.errorAt("name")}>
          <Input
            autoComplete="off"
            {...describedBy(fieldId("invite-name"), form.errorAt("name"))}
            {...form.register("name")}
          />
        </Field>
        <div className="md:col-span-2">
          <CapabilityCheckboxes
            legend={t("rights")}
            value={form.values.capabilities}
            onChange={(next) => form.setValue("capabilities", next)}
            allowed={myCapabilities}
          />
          {form.errorAt("capabilities") ? (
            <p className="mt-1 text-sm text-destructive">{form.errorAt("capabilities")}</p>
          ) : null}
        </div>
        {form.formError ? <Alert className="md:col-span-2">{form.formError}</Alert> : null}
        <div className="md:col-span-2">
          <Button type="submit" disabled={form.isSubmitting} data-testid="send-invitation">
            {t("invite")}
          </Button>
        </div>
      </form>
      {link ? (
        <Alert tone="info" data-testid="invitation-link">
          <p className="font-medium">{t("linkReady", { email: link.email })}</p>
          <p className="mt-1">{t("noEmailSent", { date: format.dateTime(link.expiresAt, { dateStyle: "long" }) })}</p>
          <div className="mt-2 flex flex-wrap items-center gap-2">
            <label htmlFor={fieldId("invite-link")} className="sr-only">
              {t("linkLabel")}
            </label>
            <Input
              id={fieldId("invite-link")}
              readOnly
              value={link.url}
              tone="code"
              className="min-w-0 flex-1"
              onFocus={(e) => e.currentTarget.select()}
              data-testid="invitation-url"
            />
            <Button
              type="button"
              size="sm"
              variant="outline"
              onClick={async () => {
                try {
                  await navigator.clipboard.writeText(link.url);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {copied ? t("copied") : t("copy")}
            </Button>
          </div>
        </Alert>
      ) : null}
    </div>
  );
}

export { InviteColleagueForm };
