import { createHash } from "node:crypto";

/**
 * Fixed namespace for the seed's name-based UUIDs. Changing it would give every seeded row a new id, so a second run
 * would insert duplicates under other ids instead of recognising its own rows.
 */
const SEED_NAMESPACE = "8f0c1c52-3b4a-4d8e-9a57-2f6d0b7e4c11";

function uuidBytes(uuid: string): Buffer {
  return Buffer.from(uuid.replace(/-/g, ""), "hex");
}

function formatUuid(bytes: Buffer): string {
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * A deterministic UUID (RFC 9562 version 5, SHA-1) for a natural key such as "grant:CLF-2001-ICBL", so running the
 * seed twice addresses the same rows and `on conflict do nothing` can recognise them.
 */
export function seedId(key: string): string {
  const digest = createHash("sha1").update(uuidBytes(SEED_NAMESPACE)).update(key, "utf8").digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return formatUuid(bytes);
}
