import { z } from "zod";
import { msg } from "./messages";
import { isoDate, uuid } from "./common";
import { optionalText } from "./text";
import { ORGANISATION_RELATION_KINDS, PARTNERSHIP_KINDS } from "../choices";

export const organisationByIdInput = z.object({ id: uuid });

/** Creates the organisation's partnership, or edits it when it has one. */
export const savePartnershipInput = z.object({
  organisationId: uuid,
  kind: z.enum(PARTNERSHIP_KINDS, { ...msg("chooseTheKindOfPartnership") }),
  since: isoDate.nullish(),
  descriptionEn: optionalText(5000, "the description"),
  descriptionFr: optionalText(5000, "the description"),
});
export type SavePartnershipInput = z.input<typeof savePartnershipInput>;

const relationFields = {
  kind: z.enum(ORGANISATION_RELATION_KINDS, { ...msg("chooseTheKindOfLink") }),
  noteEn: optionalText(1000, "the note"),
  noteFr: optionalText(1000, "the note"),
  since: isoDate.nullish(),
};

export const createRelationInput = z
  .object({ fromOrganisationId: uuid, toOrganisationId: uuid, ...relationFields })
  .refine((link) => link.fromOrganisationId !== link.toOrganisationId, {
    path: ["toOrganisationId"],
    ...msg("anOrganisationCannotBeLinkedToItself"),
  });
export type CreateRelationInput = z.input<typeof createRelationInput>;

export const updateRelationInput = z.object({ id: uuid, ...relationFields });
export type UpdateRelationInput = z.input<typeof updateRelationInput>;

export const deleteRelationInput = z.object({ id: uuid });
