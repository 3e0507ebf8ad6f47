import { index, pgTable, timestamp, uuid } from "drizzle-orm/pg-core";
import { grants } from "./grants";
import { users } from "./users";

/**
 * Grants an officer has published to IATI. The activity XML is generated from the ledger each time it is served, so
 * the row only says that (and since when, and by whom) the grant is public; publishedAt moves on each re-publication.
 */
export const iatiPublications = pgTable(
  "iati_publications",
  {
    grantId: uuid()
      .primaryKey()
      .references(() => grants.id),
    firstPublishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedById: uuid().references(() => users.id),
  },
  (t) => [index("iati_publications_published_by_idx").on(t.publishedById)],
);
