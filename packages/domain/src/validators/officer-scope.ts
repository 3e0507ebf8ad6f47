import { z } from "zod";
import { OUTSIDE_PROGRAMME_ACCESS } from "../officer-scope";
import { uuid } from "./common";

/** The admin's choice for one officer: their programmes (all replaced at once) and what they see outside them. */
export const setOfficerScopeInput = z.object({
  userId: uuid,
  programmeIds: z
    .array(uuid, { error: "Choose programmes from the list." })
    .max(200, { error: "Choose at most 200 programmes." })
    .refine((ids) => new Set(ids).size === ids.length, { error: "Each programme may be chosen once." }),
  outsideProgrammes: z.enum(OUTSIDE_PROGRAMME_ACCESS, {
    error: "Choose whether grants outside these programmes are read-only or hidden.",
  }),
});
export type SetOfficerScopeInput = z.input<typeof setOfficerScopeInput>;

export const officerScopeByUserInput = z.object({ userId: uuid });
