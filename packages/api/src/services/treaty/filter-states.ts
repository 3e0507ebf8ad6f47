import { localized, type TreatyStanding } from "@portal/domain";

/** Accent- and case-insensitive, so "cote" finds Côte d'Ivoire. */
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

/**
 * The tracker's states narrowed to a standing and a search (a name in the reader's language, or an ISO code), in the
 * reader's alphabetical order: the search runs on the names as the reader sees them.
 */
export function filterStates<S extends { nameEn: string; nameFr: string; iso2: string; standing: TreatyStanding }>(
  states: readonly S[],
  { standing, q, locale }: { standing?: TreatyStanding | undefined; q?: string | undefined; locale: string },
): S[] {
  const name = (s: S) => localized(s, "name", locale);
  const query = fold(q?.trim() ?? "");
  return states
    .filter((s) => !standing || s.standing === standing)
    .filter((s) => !query || fold(name(s)).includes(query) || s.iso2.toLowerCase() === query)
    .sort((a, b) => name(a).localeCompare(name(b), locale));
}
