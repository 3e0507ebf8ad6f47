"use client";

import { type MembershipCapability, ROLES, type Role } from "@portal/domain";
import { Alert, Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Input, Select } from "@portal/ui";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { CapabilityCheckboxes } from "@/components/capability-checkboxes";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm, type Validate } from "@portal/ui/use-form";
import { domainErrorOf } from "@/components/mutation-error";
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
  const validate = useLazySchema<Values>(async () => {
    const { inviteSchema } = await import("./form-schemas");
    const messages = {
      invalidEmail: t("invalidEmail"),
      chooseRole: t("chooseRole"),
      chooseOrganisation: t("chooseOrganisation"),
    };
    return schemaValidator(inviteSchema(messages)) as Validate<Values, Values>;
  }, [t]);
  const { register, handleSubmit, isSubmitting, setError, value, setValue, reset, errorAt, formError } =
    useForm<Values>({
      validate,
      mode: "onBlur",
      defaultValues: {
        email: "",
        name: "",
        role: initialRole ?? "",
        organisationId: initialOrganisationId ?? "",
        capabilities: ["view"],
      },
    });
  const role = value("role");
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
      if (code === "CONFLICT" && field === "email") setError("email", t("emailTaken"));
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
              tone="code"
              className="min-w-0 flex-1"
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

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="invite-form">
      {formError ? <Alert>{formError}</Alert> : null}
      <Alert tone="info">{t("noEmailNotice")}</Alert>
      <div className="grid gap-4 md:grid-cols-2">
        <Field id={fieldId("invite-email")} label={t("email")} error={errorAt("email")}>
          <Input
            type="email"
            autoComplete="off"
            {...register("email")}
            {...describedBy(fieldId("invite-email"), errorAt("email"))}
          />
        </Field>
        <Field id={fieldId("invite-name")} label={t("nameOptional")} error={errorAt("name")}>
          <Input autoComplete="off" {...register("name")} {...describedBy(fieldId("invite-name"), errorAt("name"))} />
        </Field>
        <Field id={fieldId("invite-role")} label={t("role")} error={errorAt("role")}>
          <Select {...register("role")} {...describedBy(fieldId("invite-role"), errorAt("role"))}>
            <option value="">{t("chooseRoleOption")}</option>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {tr(r)}
              </option>
            ))}
          </Select>
        </Field>
        {role === "partner" ? (
          <Field id={fieldId("invite-organisationId")} label={t("organisation")} error={errorAt("organisationId")}>
            <Select
              {...register("organisationId")}
              {...describedBy(fieldId("invite-organisationId"), errorAt("organisationId"))}
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
        <CapabilityCheckboxes
          idPrefix="invite-capability"
          legend={t("capabilitiesLabel")}
          value={value("capabilities")}
          onChange={(next) => setValue("capabilities", next)}
        />
      ) : null}
      <div>
        <Button type="submit" disabled={isSubmitting}>
          {t("sendInvitation")}
        </Button>
      </div>
    </form>
  );
}

export { InviteForm };
