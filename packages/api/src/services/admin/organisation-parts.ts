import { countries, type DbOrTx, organisations } from "@portal/db";
import { eq, like, or } from "drizzle-orm";
import { refusal } from "../../errors";
import type { OrganisationData } from "./inputs";

const AUDITED_COLUMNS = {
  id: organisations.id,
  slug: organisations.slug,
  legalNameEn: organisations.legalNameEn,
  legalNameFr: organisations.legalNameFr,
  acronym: organisations.acronym,
  iatiType: organisations.iatiType,
  countryCode: organisations.countryCode,
  website: organisations.website,
};

export async function organisationSnapshot(db: DbOrTx, id: string) {
  const [row] = await db.select(AUDITED_COLUMNS).from(organisations).where(eq(organisations.id, id));
  return row ?? null;
}

export async function assertCountry(db: DbOrTx, code: string | null) {
  if (code === null) return;
  const [country] = await db.select({ iso2: countries.iso2 }).from(countries).where(eq(countries.iso2, code));
  if (!country) throw refusal("VALIDATION", "chooseCountry", {}, "countryCode");
}

/** A URL-safe slug from the acronym or the English name ("Mines Action Canada" -> "mines-action-canada"). */
export function slugFor(data: Pick<OrganisationData, "acronym" | "legalNameEn">): string {
  const slug = (data.acronym ?? data.legalNameEn)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return slug || "organisation";
}

/** The slug, or the slug with the first free numeric suffix. */
export async function freeSlug(db: DbOrTx, base: string): Promise<string> {
  const taken = new Set(
    (
      await db
        .select({ slug: organisations.slug })
        .from(organisations)
        .where(or(eq(organisations.slug, base), like(organisations.slug, `${base}-%`)))
    ).map((row) => row.slug),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
