import { grantByIdInput, listGrantsInput } from "@portal/domain";
import { fiscalYearsWithBudgets, getGrantOrThrow, listGrants } from "../services";
import { authedProcedure, router } from "../trpc";

// Scoping happens in the services (visibleGrants), so one procedure serves officers and partners alike.
export const grantsRouter = router({
  list: authedProcedure.input(listGrantsInput).query(({ ctx, input }) => listGrants(ctx.db, ctx.actor, input)),
  fiscalYears: authedProcedure.query(({ ctx }) => fiscalYearsWithBudgets(ctx.db)),
  byId: authedProcedure.input(grantByIdInput).query(({ ctx, input }) => getGrantOrThrow(ctx.db, ctx.actor, input.id)),
});
