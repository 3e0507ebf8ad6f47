import { z } from "zod";
import { msg } from "./messages";
import { fiscalYear, positiveMinorUnits, uuid } from "./common";
import { optionalText, requiredLine, requiredText } from "./text";

// The admin's budget administration: programmes, fiscal years, allocations and transfers. Shape only; the rules
// (never below what is committed, leaves only, no cycles) live in the services.

const reason = requiredText(1000, "the reason");

export const programmeFields = z.object({
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z][A-Z0-9-]{1,19}$/, { ...msg("use2To20CapitalLettersDigits") }),
  nameEn: requiredLine(200, "the English name"),
  nameFr: requiredLine(200, "the French name"),
  descriptionEn: optionalText(2000, "the English description"),
  descriptionFr: optionalText(2000, "the French description"),
  parentId: uuid.nullish().transform((v) => v ?? null),
  envelopeAmount: positiveMinorUnits.nullish().transform((v) => v ?? null),
});
export const createProgrammeInput = programmeFields;
export const updateProgrammeInput = z.object({ id: uuid, data: programmeFields });

export const openFiscalYearInput = z.object({ fiscalYear });

/** Sets a programme's allocation for a year: creates it, or raises or lowers it (never below what is committed). */
export const setAllocationInput = z.object({
  programmeId: uuid,
  fiscalYear,
  amount: positiveMinorUnits,
  reason,
});

export const transferAllocationInput = z
  .object({ fromAllocationId: uuid, toAllocationId: uuid, amount: positiveMinorUnits, reason })
  .refine((t) => t.fromAllocationId !== t.toAllocationId, {
    path: ["toAllocationId"],
    ...msg("chooseTwoDifferentAllocations"),
  });

export const programmeBudgetInput = z.object({ programmeId: uuid });

export type ProgrammeData = z.output<typeof programmeFields>;
export type UpdateProgrammeData = z.output<typeof updateProgrammeInput>;
export type OpenFiscalYearData = z.output<typeof openFiscalYearInput>;
export type SetAllocationData = z.output<typeof setAllocationInput>;
export type TransferAllocationData = z.output<typeof transferAllocationInput>;
