"use client";

import {
  CONFERENCE_FUNDING_KINDS,
  fiscalYearLabel,
  fiscalYearOf,
  formatMoney,
  isIsoDate,
  localized,
} from "@portal/domain";
import {
  Alert,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Input,
  intlLocale,
  Select,
} from "@portal/ui";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { type ComponentProps, type ReactNode, useMemo } from "react";
import { describedBy, Field, useFieldIds } from "@portal/ui/field";
import { useLazySchema } from "@portal/ui/lazy-schema";
import { applyServerError, schemaValidator, useForm, type Validate } from "@portal/ui/use-form";
import { useRefusalMessage } from "@portal/ui/use-refusal-message";
import { useApiMutation, useApiQuery } from "@/trpc/client";
import { CountryPicker } from "./country-picker";
import type { ConferenceFormOutput, ConferenceFormValues } from "./form-schema";

const EMPTY_CONFERENCE: ConferenceFormValues = {
  titleEn: "",
  titleFr: "",
  descriptionEn: "",
  descriptionFr: "",
  city: "",
  countryCode: "",
  startsOn: "",
  endsOn: "",
  coHosts: [],
  sessions: [],
  participants: [],
  organisationIds: [],
  outcomes: [],
  documents: [],
  fundingKind: "none",
  grantId: "",
  allocationId: "",
  directCost: "",
};

const textareaClass =
  "rounded-md border border-input bg-background px-3 py-2 text-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring aria-invalid:border-destructive";

function Section({ title, hint, children }: { title: string; hint?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {hint ? <CardDescription>{hint}</CardDescription> : null}
      </CardHeader>
      <CardContent className="flex flex-col gap-4">{children}</CardContent>
    </Card>
  );
}

/** The officer's conference form: details, co-hosts, sessions, participating states and organisations, outcomes,
 * documents and the ministry's funding. The API validates with the same schema and names any field it refuses. */
function ConferenceForm({
  initial,
  conferenceId,
  version,
}: {
  initial?: ConferenceFormValues;
  conferenceId?: string;
  version?: number;
}) {
  const t = useTranslations("conferences.form");
  const fieldId = useFieldIds();
  const tc = useTranslations("conferences");
  const tcommon = useTranslations("common");
  const refusalText = useRefusalMessage();
  const locale = useLocale();
  const intl = intlLocale(locale);
  const fr = locale === "fr";
  const router = useRouter();
  const options = useApiQuery((api) => api.conferences.formOptions.query);
  // The API's schema (its messages come from the validation catalogue, already in the reader's language), plus the
  // form's own checks; every field's error shows at once. zod and the schema arrive in their own chunk, right after
  // the page hydrates.
  const validate = useLazySchema<ConferenceFormValues, ConferenceFormOutput>(async () => {
    const { conferenceFormIssues, conferenceFormSchema } = await import("./form-schema");
    const api = schemaValidator(conferenceFormSchema(intl));
    const messages = { invalidAmount: t("invalidAmount"), chooseCoHost: t("chooseCoHost") };
    // The form's own message replaces the schema's on the same field: it says what the person typed wrong.
    const withFormChecks: Validate<ConferenceFormValues, ConferenceFormOutput> = async (values) => {
      const result = await api(values);
      const issues = conferenceFormIssues(values, intl, messages);
      if (Object.keys(issues).length === 0) return result;
      return { ok: false, errors: { ...(result.ok ? {} : result.errors), ...issues } };
    };
    return withFormChecks;
  }, [intl, t]);
  const form = useForm<ConferenceFormValues, ConferenceFormOutput>({
    validate,
    mode: "onTouched",
    defaultValues: initial ?? EMPTY_CONFERENCE,
  });
  const { register, handleSubmit, isSubmitting, setError, errorAt, formError } = form;
  const coHosts = form.array("coHosts");
  const sessions = form.array("sessions");
  const outcomes = form.array("outcomes");
  const documents = form.array("documents");
  const { fundingKind, startsOn } = form.values;

  const name = (o: { nameEn: string; nameFr: string }) => localized(o, "name", locale);
  const countries = useMemo(
    () =>
      (options.data?.countries ?? [])
        .map((c) => ({ iso2: c.iso2, name: localized(c, "name", locale) }))
        .sort((a, b) => a.name.localeCompare(b.name, locale)),
    [options.data, fr, locale],
  );
  const fiscalYear = startsOn && isIsoDate(startsOn) ? fiscalYearOf(startsOn) : null;
  const allocations = (options.data?.allocations ?? []).filter(
    (a) => fiscalYear !== null && a.fiscalYear === fiscalYear,
  );

  const create = useApiMutation((api) => api.conferences.create.mutate);
  const update = useApiMutation((api) => api.conferences.update.mutate);
  const onSubmit = handleSubmit(async (data) => {
    try {
      const saved =
        conferenceId && version
          ? await update.mutateAsync({ id: conferenceId, version, data })
          : await create.mutateAsync(data);
      router.push(`/conferences/${saved.id}`);
      router.refresh();
    } catch (error) {
      applyServerError(error, setError, t("saveFailed"), refusalText);
    }
  });

  const input = (path: Parameters<typeof register>[0], extra: ComponentProps<"input"> = {}) => (
    <Input {...register(path)} {...describedBy(fieldId(path), errorAt(path))} {...extra} />
  );
  const textarea = (path: Parameters<typeof register>[0], lang: string) => (
    <textarea
      lang={lang}
      rows={3}
      className={textareaClass}
      {...register(path)}
      {...describedBy(fieldId(path), errorAt(path))}
    />
  );
  const field = (path: string, label: string, control: ReactNode, hint?: string) => (
    <Field id={fieldId(path)} label={label} error={errorAt(path)} hint={hint}>
      {control}
    </Field>
  );
  const removeButton = (onClick: () => void) => (
    <div className="flex items-end">
      <Button type="button" variant="ghost" onClick={onClick}>
        {t("remove")}
      </Button>
    </div>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-6" aria-busy={isSubmitting}>
      {formError ? <Alert data-testid="form-error">{formError}</Alert> : null}
      {options.isError ? <Alert>{t("saveFailed")}</Alert> : null}

      <Section title={t("details")}>
        <div className="grid gap-4 md:grid-cols-2">
          {field("titleEn", t("titleEn"), input("titleEn", { lang: "en" }))}
          {field("titleFr", t("titleFr"), input("titleFr", { lang: "fr" }))}
          {field("descriptionEn", t("descriptionEn"), textarea("descriptionEn", "en"))}
          {field("descriptionFr", t("descriptionFr"), textarea("descriptionFr", "fr"))}
          {field("city", t("city"), input("city"))}
          {field(
            "countryCode",
            t("country"),
            <Select {...register("countryCode")} {...describedBy(fieldId("countryCode"), errorAt("countryCode"))}>
              <option value="">{t("choose")}</option>
              {countries.map((c) => (
                <option key={c.iso2} value={c.iso2}>
                  {c.name}
                </option>
              ))}
            </Select>,
          )}
          {field("startsOn", t("startsOn"), input("startsOn", { type: "date" }))}
          {field("endsOn", t("endsOn"), input("endsOn", { type: "date" }))}
        </div>
      </Section>

      <Section title={tc("coHostsTitle")} hint={t("coHostsHint")}>
        {coHosts.fields.map((item, index) => {
          const path = `coHosts.${index}.ref`;
          const error = errorAt(path) ?? errorAt(`coHosts.${index}`);
          return (
            <fieldset
              key={item.id}
              className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_auto]"
              aria-label={t("coHostN", { n: index + 1 })}
            >
              <Field id={fieldId(path)} label={t("coHost")} error={error}>
                <Select {...register(`coHosts.${index}.ref`)} {...describedBy(fieldId(path), error)}>
                  <option value="">{t("choose")}</option>
                  <optgroup label={t("statesGroup")}>
                    {countries.map((c) => (
                      <option key={c.iso2} value={`state:${c.iso2}`}>
                        {c.name}
                      </option>
                    ))}
                  </optgroup>
                  <optgroup label={t("organisationsGroup")}>
                    {(options.data?.organisations ?? []).map((o) => (
                      <option key={o.id} value={`organisation:${o.id}`}>
                        {name(o)}
                        {o.acronym ? ` (${o.acronym})` : ""}
                      </option>
                    ))}
                  </optgroup>
                </Select>
              </Field>
              {removeButton(() => coHosts.remove(index))}
            </fieldset>
          );
        })}
        <div>
          <Button type="button" variant="outline" onClick={() => coHosts.append({ ref: "" })}>
            {t("addCoHost")}
          </Button>
        </div>
      </Section>

      <Section title={tc("participantsTitle")} hint={t("participantsHint")}>
        <CountryPicker
          id={fieldId("participants")}
          testId="participants-options"
          label={tc("participantsTitle")}
          options={countries}
          value={form.values.participants}
          onChange={(next) => form.setValue("participants", next)}
          error={errorAt("participants")}
          loading={options.isPending}
        />
        {errorAt("participants") ? (
          <p id={fieldId("participants-error")} className="text-sm text-destructive">
            {errorAt("participants")}
          </p>
        ) : null}
      </Section>

      <Section title={tc("organisationsTitle")} hint={t("organisationsHint")}>
        <fieldset
          className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3"
          aria-label={tc("organisationsTitle")}
          {...describedBy(fieldId("organisationIds"), errorAt("organisationIds"))}
        >
          {options.isPending ? (
            <p className="text-sm text-muted-foreground" role="status">
              {tcommon("loading")}
            </p>
          ) : null}
          {(options.data?.organisations ?? []).map((o) => (
            <label key={o.id} className="flex items-center gap-2 text-sm">
              <input className="h-4 w-4 accent-primary" {...form.checkbox("organisationIds", o.id)} />
              {name(o)}
              {o.acronym ? ` (${o.acronym})` : ""}
            </label>
          ))}
        </fieldset>
        {errorAt("organisationIds") ? (
          <p id={fieldId("organisationIds-error")} className="text-sm text-destructive">
            {errorAt("organisationIds")}
          </p>
        ) : null}
      </Section>

      <Section title={tc("sessionsTitle")} hint={t("sessionsHint")}>
        {sessions.fields.map((item, index) => (
          <fieldset
            key={item.id}
            className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-2"
            aria-label={t("sessionN", { n: index + 1 })}
          >
            {field(`sessions.${index}.themeEn`, t("themeEn"), input(`sessions.${index}.themeEn`, { lang: "en" }))}
            {field(`sessions.${index}.themeFr`, t("themeFr"), input(`sessions.${index}.themeFr`, { lang: "fr" }))}
            {field(
              `sessions.${index}.titleEn`,
              t("sessionTitleEn"),
              input(`sessions.${index}.titleEn`, { lang: "en" }),
            )}
            {field(
              `sessions.${index}.titleFr`,
              t("sessionTitleFr"),
              input(`sessions.${index}.titleFr`, { lang: "fr" }),
            )}
            <div>
              <Button type="button" variant="ghost" onClick={() => sessions.remove(index)}>
                {t("remove")}
              </Button>
            </div>
          </fieldset>
        ))}
        <div>
          <Button
            type="button"
            variant="outline"
            onClick={() => sessions.append({ themeEn: "", themeFr: "", titleEn: "", titleFr: "" })}
          >
            {t("addSession")}
          </Button>
        </div>
      </Section>

      <Section title={tc("outcomesTitle")}>
        {outcomes.fields.map((item, index) => (
          <fieldset
            key={item.id}
            className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_1fr_auto]"
            aria-label={t("outcomeN", { n: index + 1 })}
          >
            {field(`outcomes.${index}.textEn`, t("outcomeEn"), textarea(`outcomes.${index}.textEn`, "en"))}
            {field(`outcomes.${index}.textFr`, t("outcomeFr"), textarea(`outcomes.${index}.textFr`, "fr"))}
            {removeButton(() => outcomes.remove(index))}
          </fieldset>
        ))}
        <div>
          <Button type="button" variant="outline" onClick={() => outcomes.append({ textEn: "", textFr: "" })}>
            {t("addOutcome")}
          </Button>
        </div>
      </Section>

      <Section title={tc("documentsTitle")}>
        {documents.fields.map((item, index) => (
          <fieldset
            key={item.id}
            className="grid gap-3 rounded-md border border-border p-3 md:grid-cols-[1fr_1fr_auto]"
            aria-label={t("documentN", { n: index + 1 })}
          >
            {field(`documents.${index}.title`, t("documentTitle"), input(`documents.${index}.title`))}
            {field(
              `documents.${index}.url`,
              t("documentUrl"),
              input(`documents.${index}.url`, { type: "url", placeholder: "https://" }),
            )}
            {removeButton(() => documents.remove(index))}
          </fieldset>
        ))}
        <div>
          <Button type="button" variant="outline" onClick={() => documents.append({ title: "", url: "" })}>
            {t("addDocument")}
          </Button>
        </div>
      </Section>

      <Section title={tc("fundingTitle")}>
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 text-sm font-medium">{t("fundingKind")}</legend>
          {CONFERENCE_FUNDING_KINDS.map((kind) => (
            <label key={kind} className="flex items-center gap-2 text-sm">
              <input className="h-4 w-4 accent-primary" {...form.radio("fundingKind", kind)} />
              {t(`fundingKinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        {fundingKind === "grant"
          ? field(
              "grantId",
              t("grant"),
              <Select {...register("grantId")} {...describedBy(fieldId("grantId"), errorAt("grantId"))}>
                <option value="">{t("choose")}</option>
                {(options.data?.grants ?? []).map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.reference} — {localized(g, "title", locale)}
                  </option>
                ))}
              </Select>,
            )
          : null}
        {fundingKind === "direct" ? (
          <div className="grid gap-4 md:grid-cols-[1fr_14rem]">
            {field(
              "allocationId",
              t("allocation"),
              <Select {...register("allocationId")} {...describedBy(fieldId("allocationId"), errorAt("allocationId"))}>
                <option value="">{t("choose")}</option>
                {allocations.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.programme.code} · {fiscalYearLabel(a.fiscalYear)} —{" "}
                    {t("availableShort", { amount: formatMoney(a.available, "CAD", intl) })}
                  </option>
                ))}
              </Select>,
              fiscalYear === null
                ? t("enterStartFirst")
                : allocations.length === 0
                  ? t("noAllocationsOfYear", { fy: fiscalYearLabel(fiscalYear) })
                  : t("allocationsOfYear", { fy: fiscalYearLabel(fiscalYear) }),
            )}
            {field(
              "directCost",
              t("directCost"),
              input("directCost", { inputMode: "decimal", placeholder: formatMoney(4080300, "CAD", intl) }),
              t("directCostHint"),
            )}
          </div>
        ) : null}
      </Section>

      <div className="flex gap-3">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? t("saving") : conferenceId ? t("saveChanges") : t("create")}
        </Button>
        <Button type="button" variant="ghost" onClick={() => router.back()}>
          {t("cancel")}
        </Button>
      </div>
    </form>
  );
}

export { ConferenceForm };
