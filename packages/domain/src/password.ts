import { scrypt, timingSafeEqual } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id at OWASP's first recommended setting (19 MiB, 2 passes, 1 lane): ~30 ms on this 2-core machine.
// The parameters travel inside each hash (PHC string), so raising them later upgrades hashes at the next sign-in.
// `algorithm: 2` is Algorithm.Argon2id, an ambient const enum that isolated modules cannot read.
const ARGON2 = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/** Returns an argon2id PHC string (`$argon2id$v=19$m=...,t=...,p=...$salt$hash`). */
export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize("NFKC"), ARGON2);
}

/** Checks a password against an argon2id hash or a legacy `scrypt$N$r$p$salt$hash` one. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  if (stored.startsWith("$argon2")) {
    return verify(stored, password.normalize("NFKC")).catch(() => false);
  }
  return verifyLegacyScrypt(password, stored);
}

/** True when a hash is not argon2id at today's parameters: sign-in then stores a fresh one. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

// The scheme before argon2id: scrypt N=2^15, r=8, p=1, parameters stored with each hash. Verify-only.
function verifyLegacyScrypt(password: string, stored: string): Promise<boolean> {
  const [scheme, n, rr, pp, salt, expectedHash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !rr || !pp || !salt || !expectedHash) return Promise.resolve(false);
  const expected = Buffer.from(expectedHash, "base64url");
  const [N, r, p] = [Number(n), Number(rr), Number(pp)];
  return new Promise((resolve) => {
    scrypt(
      password.normalize("NFKC"),
      Buffer.from(salt, "base64url"),
      expected.length,
      { N, r, p, maxmem: 256 * N * r },
      (err, key) => resolve(!err && key.length === expected.length && timingSafeEqual(key, expected)),
    );
  });
}
