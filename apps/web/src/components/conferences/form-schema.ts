import { CONFERENCE_FUNDING_KINDS, createConferenceInput, parseMoney } from "@portal/domain";
import { z } from "zod";

const formShape = z.object({
  titleEn: z.string(),
  titleFr: z.string(),
  descriptionEn: z.string(),
  descriptionFr: z.string(),
  city: z.string(),
  countryCode: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  /** One select per co-host: "state:PL" or "organisation:<id>". */
  coHosts: z.array(z.object({ ref: z.string() })),
  sessions: z.array(z.object({ themeEn: z.string(), themeFr: z.string(), titleEn: z.string(), titleFr: z.string() })),
  participants: z.array(z.string()),
  organisationIds: z.array(z.string()),
  outcomes: z.array(z.object({ textEn: z.string(), textFr: z.string() })),
  documents: z.array(z.object({ title: z.string(), url: z.string() })),
  fundingKind: z.enum(CONFERENCE_FUNDING_KINDS),
  grantId: z.string(),
  allocationId: z.string(),
  directCost: z.string(),
});

/** What the form holds: co-hosts as one choice each, the cost exactly as typed in the reader's locale. */
export type ConferenceFormValues = z.input<typeof formShape>;

/** Each co-host choice as the API takes it; an unresolved choice is left empty for the API's own rule to refuse. */
function coHostOf(ref: string): { countryCode?: string; organisationId?: string } {
  const [kind, value] = ref.split(":", 2);
  if (!value) return {};
  if (kind === "state") return { countryCode: value };
  if (kind === "organisation") return { organisationId: value };
  return {};
}

/**
 * The form's schema is the API's own input schema (createConferenceInput), preceded by one step that turns the
 * form's choices into its shape: each co-host choice into a state or an organisation, the typed cost into cents.
 * The step never fails by itself, so every field's error shows at once; what only the form can tell (a cost that is
 * not an amount, an empty co-host choice) is reported by conferenceFormIssues, in the reader's language.
 */
export function conferenceFormSchema(locale: string) {
  return formShape
    .transform((values): z.input<typeof createConferenceInput> => {
      const direct = values.fundingKind === "direct" && values.directCost.trim() !== "";
      return {
        ...values,
        coHosts: values.coHosts.map(({ ref }) => coHostOf(ref)),
        grantId: values.fundingKind === "grant" ? values.grantId || null : null,
        allocationId: values.fundingKind === "direct" ? values.allocationId || null : null,
        // An amount that cannot be read becomes NaN, which the API schema refuses on the same field.
        directCost: direct ? (parseMoney(values.directCost, "CAD", locale) ?? Number.NaN) : null,
      };
    })
    .pipe(createConferenceInput);
}

/** The form's own checks, by field path, with messages in the reader's language. */
export function conferenceFormIssues(
  values: ConferenceFormValues,
  locale: string,
  messages: { invalidAmount: string; chooseCoHost: string },
): Record<string, string> {
  const issues: Record<string, string> = {};
  values.coHosts.forEach(({ ref }, index) => {
    if (Object.keys(coHostOf(ref)).length === 0) issues[`coHosts.${index}.ref`] = messages.chooseCoHost;
  });
  if (
    values.fundingKind === "direct" &&
    values.directCost.trim() !== "" &&
    parseMoney(values.directCost, "CAD", locale) === null
  )
    issues.directCost = messages.invalidAmount;
  return issues;
}

export type ConferenceFormOutput = z.output<typeof createConferenceInput>;
