import type { DbOrTx } from "@portal/db";
import { sql } from "drizzle-orm";
import { PgTransaction } from "drizzle-orm/pg-core";

/*
 * The grant search is ILIKE '%q%' on grants.search_text behind a pg_trgm GIN index, which reads the posting list of
 * every trigram of q. Trigrams of words most grants share ("district", "mine") list nearly every grant, so a search
 * like "district 42" cost ~13 ms of index work at 1M disbursements (21,000 grants), growing with the portfolio, where
 * its rarest part (" 42") alone costs ~1.5 ms and finds the same candidates. So the index is asked for the rarest
 * short piece of q, judged on PostgreSQL's own sample of search documents (pg_stats' histogram of the column, ~100
 * documents, refreshed by ANALYZE), and the whole of q is checked on the candidates. The piece is a substring of q,
 * so every match of q contains it: the rows found are exactly those of ILIKE '%q%', whatever the sample says.
 */

/** How long a sample is used before it is read again (ANALYZE changes it; a stale one only picks a worse piece). */
const SAMPLE_SECONDS = 600;
const PIECE_LENGTHS = [3, 4, 5, 6];

const samples = new WeakMap<DbOrTx, { readAt: number; documents: Promise<string[]> }>();

/** The sampled search documents (lower-cased), or none before the table was first analysed. */
async function sampledDocuments(db: DbOrTx): Promise<string[]> {
  if (db instanceof PgTransaction) return [];
  const held = samples.get(db);
  if (held && Date.now() - held.readAt < SAMPLE_SECONDS * 1000) return held.documents;
  const documents = db
    .execute<{ documents: string[] | null }>(
      sql`select histogram_bounds::text::text[] as documents from pg_stats
          where schemaname = 'public' and tablename = 'grants' and attname = 'search_text'`,
    )
    .then((rows) => (rows[0]?.documents ?? []).map((document) => document.toLowerCase()))
    .catch(() => []);
  samples.set(db, { readAt: Date.now(), documents });
  return documents;
}

/**
 * The pieces whose trigrams pg_trgm takes from '%piece%' all lie inside the piece: word characters only (three or
 * more: "ist" gives "ist"), or one separator and then word characters (" 42" gives "  4" and " 42"). A piece that ends
 * a word before its end (as "t 42" does) adds that word's end ("t  "), which nearly every grant has; one with fewer
 * word characters gives no trigram at all, and the index would read every grant.
 */
const PIECE = /^(?:[^\p{L}\p{N}][\p{L}\p{N}]{2,}|[\p{L}\p{N}]{3,})$/u;

/**
 * The piece of `q` to look up in the trigram index: the substring of 3 to 6 characters found in the fewest sampled
 * documents (the shorter on a tie: fewer trigrams to read), or null when q is that short, the sample is empty, or
 * every piece is common.
 */
export async function searchProbe(db: DbOrTx, q: string): Promise<string | null> {
  const text = q.toLowerCase();
  if (text.length <= PIECE_LENGTHS[0]!) return null;
  const documents = await sampledDocuments(db);
  if (documents.length === 0) return null;
  const found = (piece: string) => documents.reduce((n, document) => n + (document.includes(piece) ? 1 : 0), 0);
  let best: { piece: string; hits: number } | null = null;
  for (const length of PIECE_LENGTHS) {
    for (let start = 0; start + length <= text.length; start++) {
      const piece = text.slice(start, start + length);
      if (!PIECE.test(piece)) continue;
      const hits = found(piece);
      if (!best || hits < best.hits) best = { piece, hits };
    }
  }
  // A piece in more than 1 in 20 sampled documents would hand the check too many candidates: then q's own trigrams.
  if (!best || best.piece === text || best.hits > documents.length / 20) return null;
  return best.piece; // lower-cased: ILIKE ignores case either way
}
