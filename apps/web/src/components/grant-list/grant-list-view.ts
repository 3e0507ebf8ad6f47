import type { getApi } from "@/server/caller";

type Api = Awaited<ReturnType<typeof getApi>>;

/** One page of grants, as the grants service returns it (api.grants.list). */
export type GrantListView = Awaited<ReturnType<Api["grants"]["list"]>>;

/** The choices the list's filters offer (api.dashboard.grantListOptions). */
export type GrantListOptions = Awaited<ReturnType<Api["dashboard"]["grantListOptions"]>>;
