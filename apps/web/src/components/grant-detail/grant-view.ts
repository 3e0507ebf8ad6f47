import type { loadGrant } from "@/server/records";

/** The grant detail page's view model, as the grants service returns it (api.grants.byId). */
export type GrantView = Awaited<ReturnType<typeof loadGrant>>;
