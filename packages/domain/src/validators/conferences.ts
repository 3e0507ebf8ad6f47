import { z } from "zod";
import { CONFERENCE_FUNDING_KINDS } from "../choices";
import { TREATY_STANDINGS } from "../treaty";
import { msg, validationMessage } from "./messages";
import { isoDate, positiveMinorUnits, uuid, version } from "./common";
import { optionalLine, optionalText, requiredLine, requiredText, searchText, webUrl } from "./text";

/** An ISO 3166-1 alpha-2 code; whether the country exists is checked against the countries table by the services. */
export const iso2Code = z
  .string({ ...msg("chooseACountryFromTheList") })
  .max(10, { ...msg("chooseACountryFromTheList") })
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{2}$/, { ...msg("chooseACountryFromTheList") });

/** A co-host is a state or an organisation, never both. */
export const coHostInput = z
  .object({ countryCode: iso2Code.nullish(), organisationId: uuid.nullish() })
  .refine((host) => (host.countryCode ? 1 : 0) + (host.organisationId ? 1 : 0) === 1, {
    ...msg("chooseAStateOrAnOrganisation"),
  });

export const conferenceSessionInput = z.object({
  themeEn: optionalLine(200, "the English theme"),
  themeFr: optionalLine(200, "the French theme"),
  titleEn: requiredLine(300, "an English title"),
  titleFr: requiredLine(300, "a French title"),
});

export const conferenceOutcomeInput = z.object({
  textEn: requiredText(2000, "the outcome in English"),
  textFr: requiredText(2000, "the outcome in French"),
});

export const conferenceDocumentInput = z.object({
  title: requiredLine(300, "a title"),
  url: webUrl,
});

export const conferenceFields = z.object({
  titleEn: requiredLine(300, "an English title"),
  titleFr: requiredLine(300, "a French title"),
  descriptionEn: optionalText(5000, "the description"),
  descriptionFr: optionalText(5000, "the description"),
  city: requiredLine(120, "the city"),
  countryCode: iso2Code,
  startsOn: isoDate,
  endsOn: isoDate,
  coHosts: z
    .array(coHostInput)
    .max(20, { ...msg("keepItTo20CoHosts") })
    .default([]),
  sessions: z.array(conferenceSessionInput).max(50).default([]),
  participants: z.array(iso2Code).max(250).default([]),
  organisationIds: z.array(uuid).max(100).default([]),
  outcomes: z.array(conferenceOutcomeInput).max(50).default([]),
  documents: z.array(conferenceDocumentInput).max(50).default([]),
  fundingKind: z.enum(CONFERENCE_FUNDING_KINDS).default("none"),
  grantId: uuid.nullish(),
  allocationId: uuid.nullish(),
  directCost: positiveMinorUnits.nullish(),
});

function duplicateIndex(values: readonly string[]): number {
  return values.findIndex((value, index) => values.indexOf(value) !== index);
}

/** Shape-level rules only (fields agree with one another); budget and reference checks live in the services. */
function refineConference(conference: z.infer<typeof conferenceFields>, ctx: z.RefinementCtx) {
  if (conference.endsOn < conference.startsOn)
    ctx.addIssue({ code: "custom", path: ["endsOn"], message: validationMessage("theEndDateMustBeOnOr") });
  const hostKeys = conference.coHosts.map((h) => h.countryCode ?? h.organisationId ?? "");
  const host = duplicateIndex(hostKeys);
  if (host >= 0)
    ctx.addIssue({ code: "custom", path: ["coHosts", host], message: validationMessage("thisCoHostIsListedTwice") });
  if (duplicateIndex(conference.participants) >= 0)
    ctx.addIssue({
      code: "custom",
      path: ["participants"],
      message: validationMessage("eachStateMayTakePartOnlyOnce"),
    });
  if (duplicateIndex(conference.organisationIds) >= 0)
    ctx.addIssue({
      code: "custom",
      path: ["organisationIds"],
      message: validationMessage("eachOrganisationMayBeListedOnlyOnce"),
    });
  if (conference.fundingKind === "grant" && !conference.grantId)
    ctx.addIssue({ code: "custom", path: ["grantId"], message: validationMessage("chooseTheGrantThatPaysForThe") });
  if (conference.fundingKind === "direct") {
    if (!conference.allocationId)
      ctx.addIssue({
        code: "custom",
        path: ["allocationId"],
        message: validationMessage("chooseTheAllocationTheCostIsCharged"),
      });
    if (!conference.directCost)
      ctx.addIssue({ code: "custom", path: ["directCost"], message: validationMessage("enterTheMinistrysCost") });
  }
}

export const createConferenceInput = conferenceFields.superRefine(refineConference);
export type CreateConferenceInput = z.input<typeof createConferenceInput>;
export type ConferenceData = z.output<typeof createConferenceInput>;

export const updateConferenceInput = z.object({
  id: uuid,
  version,
  data: conferenceFields.superRefine(refineConference),
});
export type UpdateConferenceInput = z.input<typeof updateConferenceInput>;
export type UpdateConferenceData = z.output<typeof updateConferenceInput>;

export const conferenceByIdInput = z.object({ id: uuid });

export const listConferencesInput = z.object({ q: searchText });
export type ListConferencesInput = z.input<typeof listConferencesInput>;

/**
 * The universalisation tracker: every state's standing on a date (today when absent), narrowed to one standing and
 * to a search on the names in the reader's language or an ISO code when given.
 */
export const treatyTrackerInput = z.object({
  on: isoDate.optional(),
  standing: z.enum(TREATY_STANDINGS).optional(),
  q: searchText,
});
export type TreatyTrackerInput = z.output<typeof treatyTrackerInput>;
