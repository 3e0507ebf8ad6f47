"use client";

import { parseMoney } from "@portal/domain";
import { Alert, Button, Input, Label, Select } from "@portal/ui";
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type FormEvent, type ReactNode, useState } from "react";
import { domainErrorOf } from "@/components/mutation-error";
import { useTRPC, withTRPC } from "@/trpc/client";

interface Option {
  id: string;
  label: string;
}

/** One small form: labelled fields, the server's refusal (naming the field at fault) above the button. */
function ActionForm({
  testId,
  title,
  submit,
  onSubmit,
  children,
}: {
  testId: string;
  title: string;
  submit: string;
  onSubmit: (form: FormData) => Promise<unknown>;
  children: ReactNode;
}) {
  const t = useTranslations("budgetAdministration");
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, setPending] = useState(false);
  const handle = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setPending(true);
    setError(null);
    setDone(false);
    try {
      await onSubmit(new FormData(form));
      form.reset();
      setDone(true);
      router.refresh();
    } catch (failure) {
      const { field, message } = domainErrorOf(failure);
      setError(field ? `${t(`fields.${field}` as never)}: ${message}` : message || t("failed"));
    } finally {
      setPending(false);
    }
  };
  return (
    <form onSubmit={handle} noValidate className="flex flex-col gap-3" data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {error ? <Alert data-testid={`${testId}-error`}>{error}</Alert> : null}
      {done ? (
        <p className="text-sm" role="status">
          {t("saved")}
        </p>
      ) : null}
      <div className="grid gap-3 md:grid-cols-2">{children}</div>
      <div>
        <Button type="submit" disabled={pending}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

function Field({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={id}>{label}</Label>
      {children}
    </div>
  );
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};

function BudgetAdministrationForms({
  leaves,
  funds,
  fiscalYears,
  allocations,
  nextFiscalYear,
}: {
  leaves: Option[];
  funds: Option[];
  fiscalYears: { startYear: number; label: string }[];
  allocations: Option[];
  nextFiscalYear: number;
}) {
  const t = useTranslations("budgetAdministration");
  const locale = useLocale() === "fr" ? "fr-CA" : "en-CA";
  const trpc = useTRPC();
  const open = useMutation(trpc.budgetAdministration.openFiscalYear.mutationOptions());
  const set = useMutation(trpc.budgetAdministration.setAllocation.mutationOptions());
  const transfer = useMutation(trpc.budgetAdministration.transfer.mutationOptions());
  const create = useMutation(trpc.budgetAdministration.createProgramme.mutationOptions());
  // An amount the reader typed in their locale, in cents; 0 (refused by the server on "amount") when unreadable.
  const cents = (form: FormData) => parseMoney(text(form, "amount"), "CAD", locale) ?? 0;

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <ActionForm
        testId="open-fiscal-year-form"
        title={t("openTitle")}
        submit={t("openSubmit")}
        onSubmit={(form) => open.mutateAsync({ fiscalYear: Number(text(form, "fiscalYear")) })}
      >
        <Field id="ofy-year" label={t("fields.fiscalYear")}>
          <Input id="ofy-year" name="fiscalYear" inputMode="numeric" defaultValue={String(nextFiscalYear)} />
        </Field>
      </ActionForm>

      <ActionForm
        testId="set-allocation-form"
        title={t("allocateTitle")}
        submit={t("allocateSubmit")}
        onSubmit={(form) =>
          set.mutateAsync({
            programmeId: text(form, "programmeId"),
            fiscalYear: Number(text(form, "fiscalYear")),
            amount: cents(form),
            reason: text(form, "reason"),
          })
        }
      >
        <Field id="sa-programme" label={t("fields.programmeId")}>
          <Select id="sa-programme" name="programmeId">
            {leaves.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sa-year" label={t("fields.fiscalYear")}>
          <Select id="sa-year" name="fiscalYear">
            {fiscalYears.map((y) => (
              <option key={y.startYear} value={y.startYear}>
                {y.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="sa-amount" label={t("fields.amount")}>
          <Input id="sa-amount" name="amount" inputMode="decimal" />
        </Field>
        <Field id="sa-reason" label={t("fields.reason")}>
          <Input id="sa-reason" name="reason" />
        </Field>
      </ActionForm>

      <ActionForm
        testId="transfer-form"
        title={t("transferTitle")}
        submit={t("transferSubmit")}
        onSubmit={(form) =>
          transfer.mutateAsync({
            fromAllocationId: text(form, "fromAllocationId"),
            toAllocationId: text(form, "toAllocationId"),
            amount: cents(form),
            reason: text(form, "reason"),
          })
        }
      >
        <Field id="tr-from" label={t("fields.fromAllocationId")}>
          <Select id="tr-from" name="fromAllocationId">
            {allocations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="tr-to" label={t("fields.toAllocationId")}>
          <Select id="tr-to" name="toAllocationId">
            {allocations.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="tr-amount" label={t("fields.amount")}>
          <Input id="tr-amount" name="amount" inputMode="decimal" />
        </Field>
        <Field id="tr-reason" label={t("fields.reason")}>
          <Input id="tr-reason" name="reason" />
        </Field>
      </ActionForm>

      <ActionForm
        testId="programme-form"
        title={t("programmeTitle")}
        submit={t("programmeSubmit")}
        onSubmit={(form) =>
          create.mutateAsync({
            code: text(form, "code"),
            nameEn: text(form, "nameEn"),
            nameFr: text(form, "nameFr"),
            parentId: text(form, "parentId") || null,
          })
        }
      >
        <Field id="pr-code" label={t("fields.code")}>
          <Input id="pr-code" name="code" />
        </Field>
        <Field id="pr-parent" label={t("fields.parentId")}>
          <Select id="pr-parent" name="parentId">
            <option value="">{t("noParent")}</option>
            {funds.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="pr-nameEn" label={t("fields.nameEn")}>
          <Input id="pr-nameEn" name="nameEn" lang="en" />
        </Field>
        <Field id="pr-nameFr" label={t("fields.nameFr")}>
          <Input id="pr-nameFr" name="nameFr" lang="fr" />
        </Field>
      </ActionForm>
    </div>
  );
}

// Each control brings its own tRPC client (shared in the browser), so pages without one ship none.
const BudgetAdministrationFormsWithTRPC = withTRPC(BudgetAdministrationForms);
export { BudgetAdministrationFormsWithTRPC as BudgetAdministrationForms };
