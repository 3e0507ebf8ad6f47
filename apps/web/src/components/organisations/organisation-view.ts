import type { loadOrganisation } from "@/server/records";

/** The organisation page's view model, as the organisations service returns it (api.organisations.byId). */
export type OrganisationView = Awaited<ReturnType<typeof loadOrganisation>>;
