import { createRelationInput, savePartnershipInput, updateRelationInput } from "@portal/domain";
import { z } from "zod";

/**
 * The organisation forms' schemas (each the API's own input schema behind one step), in a module of their own: the
 * forms load it (and zod with it) after the page has hydrated (useLazySchema), so the page ships no validator.
 */

const partnershipShape = z.object({
  organisationId: z.string(),
  kind: z.string(),
  since: z.string(),
  descriptionEn: z.string(),
  descriptionFr: z.string(),
});
export type PartnershipValues = z.input<typeof partnershipShape>;

/** The API's own schema behind one step: an empty date means "not on record". */
export const partnershipSchema = partnershipShape
  .transform((v): z.input<typeof savePartnershipInput> => ({
    ...v,
    // The enum is checked by the pipe; an empty choice fails there with the API's own message.
    kind: v.kind as z.input<typeof savePartnershipInput>["kind"],
    since: v.since || null,
  }))
  .pipe(savePartnershipInput);
export type Partnership = z.output<typeof partnershipSchema>;

const newLinkShape = z.object({
  fromOrganisationId: z.string(),
  kind: z.string(),
  toOrganisationId: z.string(),
  noteEn: z.string(),
  noteFr: z.string(),
  since: z.string(),
});
export type NewLinkValues = z.input<typeof newLinkShape>;
export const newLinkSchema = newLinkShape
  .transform((v): z.input<typeof createRelationInput> => ({
    ...v,
    // The enum is checked by the pipe; an empty choice fails there with the API's own message.
    kind: v.kind as z.input<typeof createRelationInput>["kind"],
    since: v.since || null,
  }))
  .pipe(createRelationInput);
export type NewLink = z.output<typeof newLinkSchema>;

const linkEditShape = z.object({
  id: z.string(),
  kind: z.string(),
  noteEn: z.string(),
  noteFr: z.string(),
  since: z.string(),
});
export type LinkEditValues = z.input<typeof linkEditShape>;
export const linkEditSchema = linkEditShape
  .transform((v): z.input<typeof updateRelationInput> => ({
    ...v,
    // The enum is checked by the pipe; an empty choice fails there with the API's own message.
    kind: v.kind as z.input<typeof updateRelationInput>["kind"],
    since: v.since || null,
  }))
  .pipe(updateRelationInput);
export type LinkEdit = z.output<typeof linkEditSchema>;
