import type { Tx } from "../client";
import { seedCountries, seedTreatyStatus } from "./countries-and-treaty";
import { seedMineProducers, seedStockpileDestructions } from "./stockpiles-and-producers";
import { mergeWritten, type Written } from "./write";

/**
 * Reference data every deployment needs and no ministry would type in: ISO countries, the Ottawa Convention's
 * states parties and withdrawals, stockpile destructions and former producers. All public record, no people, no money.
 */
export async function seedReferenceRows(tx: Tx): Promise<Written> {
  return mergeWritten(
    await seedCountries(tx),
    await seedTreatyStatus(tx),
    await seedStockpileDestructions(tx),
    await seedMineProducers(tx),
  );
}
