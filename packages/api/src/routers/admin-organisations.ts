import {
  byIdInput,
  createOrganisation,
  createOrganisationInput,
  getOrganisationForAdmin,
  listOrganisations,
  listOrganisationsInput,
  organisationFormOptions,
  updateOrganisation,
  updateOrganisationInput,
} from "../services/admin";
import { adminProcedure, router } from "../trpc";

export const adminOrganisationsRouter = router({
  list: adminProcedure
    .input(listOrganisationsInput)
    .query(({ ctx, input }) => listOrganisations(ctx.db, ctx.actor, input)),
  byId: adminProcedure.input(byIdInput).query(({ ctx, input }) => getOrganisationForAdmin(ctx.db, ctx.actor, input.id)),
  formOptions: adminProcedure.query(({ ctx }) => organisationFormOptions(ctx.db, ctx.actor)),
  create: adminProcedure
    .input(createOrganisationInput)
    .mutation(({ ctx, input }) => createOrganisation(ctx.db, ctx.actor, input)),
  update: adminProcedure
    .input(updateOrganisationInput)
    .mutation(({ ctx, input }) => updateOrganisation(ctx.db, ctx.actor, input)),
});
