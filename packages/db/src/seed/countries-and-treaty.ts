import { type SQL, sql } from "drizzle-orm";
import countryNames from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json" with { type: "json" };
import fr from "i18n-iso-countries/langs/fr.json" with { type: "json" };
import { entryIntoForce, stockpileDeadline } from "@portal/domain";
import type { Tx } from "../client";
import { countries, treatyStatus } from "../schema";
import { readStatesParties, readWithdrawals, type StatePartyRow, type WithdrawalRow } from "./csv";
import type { Written } from "./write";

type CountryRow = typeof countries.$inferInsert;
type TreatyStatusRow = typeof treatyStatus.$inferInsert;

/** Every ISO 3166-1 alpha-2 code with its English and French short names, from the library rather than typed in. */
export function countryRows(): CountryRow[] {
  // Registered explicitly so the seed does not depend on the Node entry point having loaded every locale.
  countryNames.registerLocale(en);
  countryNames.registerLocale(fr);
  const english = countryNames.getNames("en");
  const french = countryNames.getNames("fr");
  return Object.keys(countryNames.getAlpha2Codes())
    .sort()
    .map((iso2) => {
      const nameEn = english[iso2];
      const nameFr = french[iso2];
      if (!nameEn || !nameFr) throw new Error(`i18n-iso-countries has no English or French name for ${iso2}`);
      return { iso2, nameEn, nameFr };
    });
}

/** Upserts names (a library update may rename a country) but rewrites only rows whose names changed. */
export async function seedCountries(tx: Tx): Promise<Written> {
  const written = await tx
    .insert(countries)
    .values(countryRows())
    .onConflictDoUpdate({
      target: countries.iso2,
      set: { nameEn: sql`excluded.name_en`, nameFr: sql`excluded.name_fr` },
      setWhere: sql`(${countries.nameEn}, ${countries.nameFr}) is distinct from (excluded.name_en, excluded.name_fr)`,
    })
    .returning({ iso2: countries.iso2 });
  return { countries: written.length };
}

function treatyStatusRow(party: StatePartyRow, withdrawal: WithdrawalRow | undefined): TreatyStatusRow {
  const entryIntoForceOn = entryIntoForce(party.depositedOn);
  return {
    iso2: party.iso2,
    signedOn: party.signedOn,
    depositedOn: party.depositedOn,
    joinMethod: party.method,
    entryIntoForceOn,
    stockpileDeadlineOn: stockpileDeadline(entryIntoForceOn),
    withdrawalNotifiedOn: withdrawal?.notifiedOn ?? null,
    withdrawalEffectiveOn: withdrawal?.effectiveOn ?? null,
    source: withdrawal ? `${party.source}; withdrawal: ${withdrawal.source}` : party.source,
    provenance: "public-record",
  };
}

/** One row per state that ever deposited an instrument (states-parties.csv), with its 2025 withdrawal if any. */
export function treatyStatusRows(): TreatyStatusRow[] {
  const parties = readStatesParties();
  const withdrawals = new Map(readWithdrawals().map((row) => [row.iso2, row]));
  const partyCodes = new Set(parties.map((party) => party.iso2));
  for (const iso2 of withdrawals.keys()) {
    if (!partyCodes.has(iso2)) throw new Error(`withdrawals.csv: ${iso2} never deposited an instrument`);
  }
  return parties.map((party) => treatyStatusRow(party, withdrawals.get(party.iso2)));
}

/** Columns the CSV files are the authority for (everything but the key and the provenance). */
const SOURCED_COLUMNS = {
  signedOn: "signed_on",
  depositedOn: "deposited_on",
  joinMethod: "join_method",
  entryIntoForceOn: "entry_into_force_on",
  stockpileDeadlineOn: "stockpile_deadline_on",
  withdrawalNotifiedOn: "withdrawal_notified_on",
  withdrawalEffectiveOn: "withdrawal_effective_on",
  source: "source",
} as const satisfies Partial<Record<keyof TreatyStatusRow, string>>;

const columnList = (prefix: string) =>
  sql.raw(
    Object.values(SOURCED_COLUMNS)
      .map((column) => `${prefix}.${column}`)
      .join(", "),
  );

/**
 * A corrected CSV file updates public-record rows; a row an officer has entered or changed (another provenance) is
 * left alone, and unchanged rows are not rewritten.
 */
export async function seedTreatyStatus(tx: Tx): Promise<Written> {
  const set = Object.fromEntries(
    Object.entries(SOURCED_COLUMNS).map(([key, column]) => [key, sql.raw(`excluded.${column}`)]),
  ) as Record<keyof typeof SOURCED_COLUMNS, SQL>;
  const written = await tx
    .insert(treatyStatus)
    .values(treatyStatusRows())
    .onConflictDoUpdate({
      target: treatyStatus.iso2,
      set,
      setWhere: sql`${treatyStatus.provenance} = 'public-record' and (${columnList("treaty_status")}) is distinct from (${columnList("excluded")})`,
    })
    .returning({ iso2: treatyStatus.iso2 });
  return { treaty_status: written.length };
}
