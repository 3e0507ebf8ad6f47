import type { getApi } from "@/server/caller";

type Api = Awaited<ReturnType<typeof getApi>>;

/** The tracker's view model, as the treaty service returns it (api.treaty.tracker). */
export type TrackerView = Awaited<ReturnType<Api["treaty"]["tracker"]>>;

/** The headline figures with their sources, as the treaty service returns them (api.treaty.figures). */
export type FiguresView = Awaited<ReturnType<Api["treaty"]["figures"]>>;
