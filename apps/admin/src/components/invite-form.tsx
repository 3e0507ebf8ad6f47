"use client";

import { type MembershipCapability, ROLES, type Role } from "@portal/domain";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { CapabilityCheckboxes } from "@/components/capability-checkboxes";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazyResolver } from "@portal/ui/lazy-resolver";
import { domainErrorOf } from "@/components/mutation-error";
import { applyServerError } from "@portal/ui/server-errors";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation } from "@/trpc/client";

interface Values {
  email: string;
  name: string;
  role: Role | "";
  organisationId: string;
  capabilities: MembershipCapability[];
}

/**
 * Invites someone: any role; a partner with an organisation and capabilities. No email leaves this machine, so the
 * admin is shown the accept link to pass on themself.
 */
function InviteForm({
  organisations,
  initialRole,
  initialOrganisationId,
}: {
  organisations: { id: string; label: string }[];
  initialRole?: Role;
  initialOrganisationId?: string;
}) {
  const t = useTranslations("adminUsers");
  const fieldId = useFieldIds();
  const tr = useTranslations("common.roles");
  const refusalText = useRefusalMessage();
  const router = useRouter();
  const invite = useApiMutation((api) => api.users.invite.mutate);
  const [sent, setSent] = useState<{ email: string; acceptUrl: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  const resolver = useLazyResolver<Values>(async () => {
    const [{ zodResolver }, { inviteSchema }] = await Promise.all([
      import("@hookform/resolvers/zod"),
      import("./form-schemas"),
    ]);
    const messages = {
      invalidEmail: t("invalidEmail"),
      chooseRole: t("chooseRole"),
      chooseOrganisation: t("chooseOrganisation"),
    };
    return zodResolver(inviteSchema(messages)) as never;
  }, [t]);
  const { register, handleSubmit, formState, setError, watch, control, reset } = useForm<Values>({
    resolver,
    mode: "onBlur",
    defaultValues: {
      email: "",
      name: "",
      role: initialRole ?? "",
      organisationId: initialOrganisationId ?? "",
      capabilities: ["view"],
    },
  });
  const role = watch("role");
  const onSubmit = handleSubmit(async (values) => {
    try {
      const result = await invite.mutateAsync({
        email: values.email,
        name: values.name,
        role: values.role as Role,
        organisationId: values.role === "partner" ? values.organisationId : null,
        capabilities: values.role === "partner" ? values.capabilities : ["view"],
      });
      setSent({ email: result.email, acceptUrl: result.acceptUrl });
      setCopied(false);
      router.refresh();
    } catch (error) {
      const { code, field } = domainErrorOf(error);
      if (code === "CONFLICT" && field === "email") setError("email", { message: t("emailTaken") });
      else applyServerError(error, setError, t("inviteFailed"), refusalText);
    }
  });

  if (sent) {
    return (
      <Card data-testid="invitation-sent">
        <CardHeader>
          <CardTitle>{t("invitedTitle", { email: sent.email })}</CardTitle>
          <CardDescription>{t("noEmailSent")}</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-3">
          <label htmlFor={fieldId("accept-link")} className="text-sm font-medium">
            {t("acceptLink")}
          </label>
          <div className="flex flex-wrap gap-2">
            <Input
              id={fieldId("accept-link")}
              ref={linkRef}
              readOnly
              value={sent.acceptUrl}
              className="min-w-0 flex-1 font-mono text-xs"
              onFocus={(event) => event.currentTarget.select()}
              data-testid="accept-link"
            />
            <Button
              type="button"
              variant="outline"
              onClick={async () => {
                linkRef.current?.select();
                try {
                  await navigator.clipboard.writeText(sent.acceptUrl);
                  setCopied(true);
                } catch {
                  setCopied(false);
                }
              }}
            >
              {t("copyLink")}
            </Button>
          </div>
          <p className="text-xs text-muted-foreground" aria-live="polite">
            {copied ? t("copied") : t("linkExpires")}
          </p>
          <div>
            <Button
              type="button"
              onClick={() => {
                reset();
                setSent(null);
              }}
            >
              {t("inviteAnother")}
            </Button>
          </div>
        </CardContent>
      </Card>
    );
  }

  const e = formState.errors;
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="invite-form">
      {e.root?.server?.message ? <Alert>{e.root.server.message}</Alert> : null}
      <Alert tone="info">{t("noEmailNotice")}</Alert>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("invite-email")} label={t("email")} error={e.email?.message}>
          <Input
            type="email"
            autoComplete="off"
            {...register("email")}
            {...describedBy(fieldId("invite-email"), e.email?.message)}
          />
        </Field>
        <Field id={fieldId("invite-name")} label={t("nameOptional")} error={e.name?.message}>
          <Input autoComplete="off" {...register("name")} {...describedBy(fieldId("invite-name"), e.name?.message)} />
        </Field>
        <Field id={fieldId("invite-role")} label={t("role")} error={e.role?.message}>
          <Select {...register("role")} {...describedBy(fieldId("invite-role"), e.role?.message)}>
            <option value="">{t("chooseRoleOption")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </Select>
        </Field>
        {role === "partner" ? (
          <Field id={fieldId("invite-organisationId")} label={t("organisation")} error={e.organisationId?.message}>
            <Select
              {...register("organisationId")}
              {...describedBy(fieldId("invite-organisationId"), e.organisationId?.message)}
            >
              <option value="">{t("chooseOrganisationOption")}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </div>
      {role === "partner" ? (
        <Controller
          control={control}
          name="capabilities"
          render={({ field }) => (
            <CapabilityCheckboxes
              idPrefix="invite-capability"
              legend={t("capabilitiesLabel")}
              value={field.value}
              onChange={field.onChange}
            />
          )}
        />
      ) : null}
      <div>
        <Button type="submit" disabled={formState.isSubmitting}>
          {t("sendInvitation")}
        </Button>
      </div>
    </form>
  );
}

export { InviteForm };
