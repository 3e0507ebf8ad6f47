"use client";

import { parseMoney } from "@portal/domain";
import { Alert, Button, Input, Label, Select } from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ComponentProps, createContext, type FormEvent, type ReactNode, useContext, useState } from "react";
import { useFieldIds } from "@portal/ui/field";
import { domainErrorOf } from "@/components/mutation-error";
import { useApiMutation } from "@/trpc/client";

interface Option {
  id: string;
  label: string;
}

/** What an ActionForm tells its fields: their ids (unique on the page) and which one the server refused. */
const FormFields = createContext<{ idOf: (name: string) => string; errorId: string; refused: string | null }>({
  idOf: (name) => name,
  errorId: "",
  refused: null,
});

/**
 * One small form: labelled fields, the server's refusal above the button naming the field at fault, and that field
 * marked invalid and described by the refusal.
 */
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
  const idOf = useFieldIds();
  const [error, setError] = useState<{ field: string | null; text: string } | null>(null);
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
      setError({
        field: field ?? null,
        text: field ? `${t(`fields.${field}` as never)}: ${message}` : message || t("failed"),
      });
    } finally {
      setPending(false);
    }
  };
  const errorId = idOf("error");
  return (
    <form onSubmit={handle} noValidate className="flex flex-col gap-3" data-testid={testId}>
      <h3 className="text-sm font-semibold">{title}</h3>
      {error ? (
        <Alert id={errorId} data-testid={`${testId}-error`}>
          {error.text}
        </Alert>
      ) : null}
      {done ? (
        <p className="text-sm" role="status">
          {t("saved")}
        </p>
      ) : null}
      <FormFields.Provider value={{ idOf, errorId, refused: error?.field ?? null }}>
        <div className="grid gap-3 md:grid-cols-2">{children}</div>
      </FormFields.Provider>
      <div>
        <Button type="submit" disabled={pending}>
          {submit}
        </Button>
      </div>
    </form>
  );
}

/** The id, label and error wiring of one named field of the enclosing ActionForm. */
function useField(name: string) {
  const { idOf, errorId, refused } = useContext(FormFields);
  const invalid = refused === name;
  return {
    id: idOf(name),
    name,
    "aria-invalid": invalid ? true : undefined,
    "aria-describedby": invalid ? errorId : undefined,
  };
}

function TextField({ name, label, ...input }: { name: string; label: string } & ComponentProps<typeof Input>) {
  const field = useField(name);
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={field.id}>{label}</Label>
      <Input {...input} {...field} />
    </div>
  );
}

function ChoiceField({
  name,
  label,
  options,
  none,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  /** The label of an empty first choice, when choosing nothing is allowed. */
  none?: string;
}) {
  const field = useField(name);
  return (
    <div className="flex flex-col gap-1">
      <Label htmlFor={field.id}>{label}</Label>
      <Select {...field}>
        {none !== undefined ? <option value="">{none}</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.label}
          </option>
        ))}
      </Select>
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
  const open = useApiMutation((api) => api.budgetAdministration.openFiscalYear.mutate);
  const set = useApiMutation((api) => api.budgetAdministration.setAllocation.mutate);
  const transfer = useApiMutation((api) => api.budgetAdministration.transfer.mutate);
  const create = useApiMutation((api) => api.budgetAdministration.createProgramme.mutate);
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
        <TextField
          name="fiscalYear"
          label={t("fields.fiscalYear")}
          inputMode="numeric"
          defaultValue={String(nextFiscalYear)}
        />
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
        <ChoiceField name="programmeId" label={t("fields.programmeId")} options={leaves} />
        <ChoiceField
          name="fiscalYear"
          label={t("fields.fiscalYear")}
          options={fiscalYears.map((y) => ({ id: String(y.startYear), label: y.label }))}
        />
        <TextField name="amount" label={t("fields.amount")} inputMode="decimal" />
        <TextField name="reason" label={t("fields.reason")} />
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
        <ChoiceField name="fromAllocationId" label={t("fields.fromAllocationId")} options={allocations} />
        <ChoiceField name="toAllocationId" label={t("fields.toAllocationId")} options={allocations} />
        <TextField name="amount" label={t("fields.amount")} inputMode="decimal" />
        <TextField name="reason" label={t("fields.reason")} />
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
        <TextField name="code" label={t("fields.code")} />
        <ChoiceField name="parentId" label={t("fields.parentId")} options={funds} none={t("noParent")} />
        <TextField name="nameEn" label={t("fields.nameEn")} lang="en" />
        <TextField name="nameFr" label={t("fields.nameFr")} lang="fr" />
      </ActionForm>
    </div>
  );
}

export { BudgetAdministrationForms };
