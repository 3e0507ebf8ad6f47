import "server-only";
import { cache } from "react";
import { getApi } from "./caller";
import { orNotFound } from "./not-found";

/*
 * One read per record and request: a detail page's title (generateMetadata) and its body ask for the same record,
 * and React's cache makes the second ask free.
 */
export const loadGrant = cache(async (id: string) => {
  const api = await getApi();
  return orNotFound(() => api.grants.byId({ id }));
});

export const loadConference = cache(async (id: string) => {
  const api = await getApi();
  return orNotFound(() => api.conferences.byId({ id }));
});

export const loadOrganisation = cache(async (id: string) => {
  const api = await getApi();
  return orNotFound(() => api.organisations.byId({ id }));
});

export const loadReport = cache(async (requirementId: string) => {
  const api = await getApi();
  return orNotFound(() => api.attachments.report({ requirementId }));
});
