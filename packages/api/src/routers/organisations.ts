import { organisationByIdInput } from "@portal/domain";
import { getOrganisationOrThrow } from "../services/organisations/get-organisation";
import { listOrganisations, myOrganisations } from "../services/organisations/list-organisations";
import { authedProcedure, router } from "../trpc";

// Scoping happens in the services (visibleOrganisations): a partner sees only its own organisation.
export const organisationsRouter = router({
  list: authedProcedure.query(({ ctx }) => listOrganisations(ctx.db, ctx.actor)),
  mine: authedProcedure.query(({ ctx }) => myOrganisations(ctx.db, ctx.actor)),
  byId: authedProcedure
    .input(organisationByIdInput)
    .query(({ ctx, input }) => getOrganisationOrThrow(ctx.db, ctx.actor, input.id)),
});
