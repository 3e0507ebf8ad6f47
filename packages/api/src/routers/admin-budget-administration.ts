import {
  createProgrammeInput,
  openFiscalYearInput,
  programmeBudgetInput,
  setAllocationInput,
  transferAllocationInput,
  updateProgrammeInput,
} from "@portal/domain";
import {
  budgetAdministrationOverview,
  createProgramme,
  openFiscalYear,
  programmeBudget,
  setAllocation,
  transferAllocation,
  updateProgramme,
} from "../services/budget-administration";
import { adminProcedure, router } from "../trpc";

/** The admin's budget administration: programmes, fiscal years, allocations, transfers and the multi-year view. */
export const adminBudgetAdministrationRouter = router({
  overview: adminProcedure.query(({ ctx }) => budgetAdministrationOverview(ctx.db, ctx.actor)),
  programmeBudget: adminProcedure
    .input(programmeBudgetInput)
    .query(({ ctx, input }) => programmeBudget(ctx.db, ctx.actor, input.programmeId)),
  createProgramme: adminProcedure
    .input(createProgrammeInput)
    .mutation(({ ctx, input }) => createProgramme(ctx.db, ctx.actor, input)),
  updateProgramme: adminProcedure
    .input(updateProgrammeInput)
    .mutation(({ ctx, input }) => updateProgramme(ctx.db, ctx.actor, input)),
  openFiscalYear: adminProcedure
    .input(openFiscalYearInput)
    .mutation(({ ctx, input }) => openFiscalYear(ctx.db, ctx.actor, input)),
  setAllocation: adminProcedure
    .input(setAllocationInput)
    .mutation(({ ctx, input }) => setAllocation(ctx.db, ctx.actor, input)),
  transfer: adminProcedure
    .input(transferAllocationInput)
    .mutation(({ ctx, input }) => transferAllocation(ctx.db, ctx.actor, input)),
});
