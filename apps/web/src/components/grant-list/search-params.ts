import { GRANT_SORTS, GRANT_STATUSES, type GrantSort, type ListGrantsInput, parseFiscalYear } from "@portal/domain";

/** The grant list's state as it lives in the URL (bookmarkable, shareable). Only valid values survive parsing. */
export interface GrantListParams {
  q?: string;
  programme?: string;
  fy?: string;
  status?: string;
  partner?: string;
  country?: string;
  sort?: GrantSort;
  dir?: "asc" | "desc";
  page?: number;
  size?: number;
}

export type RawSearchParams = Record<string, string | string[] | undefined>;

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim() || undefined;

/** Reads the URL's search parameters, dropping anything malformed (a hand-edited URL shows the list, not an error). */
export function parseGrantListParams(raw: RawSearchParams): GrantListParams {
  const params: GrantListParams = {};
  const q = first(raw.q);
  if (q) params.q = q.slice(0, 200);
  const programme = first(raw.programme);
  if (programme && UUID.test(programme)) params.programme = programme;
  const fy = first(raw.fy);
  if (fy && parseFiscalYear(fy) !== null) params.fy = fy;
  const status = first(raw.status);
  if (status && (GRANT_STATUSES as readonly string[]).includes(status)) params.status = status;
  const partner = first(raw.partner);
  if (partner && UUID.test(partner)) params.partner = partner;
  const country = first(raw.country)?.toUpperCase();
  if (country && /^[A-Z]{2}$/.test(country)) params.country = country;
  const sort = first(raw.sort);
  if (sort && (GRANT_SORTS as readonly string[]).includes(sort)) params.sort = sort as GrantSort;
  const dir = first(raw.dir);
  if (dir === "asc" || dir === "desc") params.dir = dir;
  const page = Number.parseInt(first(raw.page) ?? "", 10);
  if (Number.isFinite(page) && page > 1) params.page = page;
  const size = Number.parseInt(first(raw.size) ?? "", 10);
  if ((PAGE_SIZES as readonly number[]).includes(size) && size !== DEFAULT_PAGE_SIZE) params.size = size;
  return params;
}

/** The API query for these parameters (what the list and its export both ask for). */
export function grantListQuery(params: GrantListParams): ListGrantsInput {
  return {
    q: params.q,
    programmeId: params.programme,
    fiscalYear: params.fy,
    status: params.status as ListGrantsInput["status"],
    recipientId: params.partner,
    countryCode: params.country,
    sort: params.sort ?? "reference",
    direction: params.dir ?? "asc",
    page: params.page ?? 1,
    pageSize: params.size ?? DEFAULT_PAGE_SIZE,
  };
}

/** Whether any filter (not sorting or paging) narrows the list. */
export function isFiltered(params: GrantListParams): boolean {
  return Boolean(params.q || params.programme || params.fy || params.status || params.partner || params.country);
}

/** The query string of these parameters, defaults left out so URLs stay short. */
export function grantListSearch(params: GrantListParams, overrides: Partial<GrantListParams> = {}): string {
  const merged = { ...params, ...overrides };
  const search = new URLSearchParams();
  for (const key of ["q", "programme", "fy", "status", "partner", "country", "sort", "dir", "page", "size"] as const) {
    const value = merged[key];
    if (value === undefined || value === "") continue;
    if (key === "page" && value === 1) continue;
    if (key === "size" && value === DEFAULT_PAGE_SIZE) continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export function grantListHref(params: GrantListParams, overrides: Partial<GrantListParams> = {}): string {
  return `/grants${grantListSearch(params, overrides)}`;
}
