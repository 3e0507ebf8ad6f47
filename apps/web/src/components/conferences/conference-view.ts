import type { loadConference } from "@/server/records";

/** The conference page's view model, as the conferences service returns it (api.conferences.byId). */
export type ConferenceView = Awaited<ReturnType<typeof loadConference>>;
