import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Short signed tokens for links that work without signing in (unsubscribe). HMAC-SHA256 with a key derived from
 * AUTH_SECRET, so no extra secret has to be configured; a purpose label keeps tokens of one use from serving another.
 */
function key(purpose: string): Buffer {
  const secret = process.env.NOTIFICATIONS_SECRET ?? process.env.AUTH_SECRET;
  if (!secret) throw new Error("AUTH_SECRET is not set: signed links cannot be made or checked");
  return createHmac("sha256", secret).update(`portal-notifications:${purpose}`).digest();
}

export function signToken(purpose: string, payload: string): string {
  const body = Buffer.from(payload, "utf8").toString("base64url");
  const mac = createHmac("sha256", key(purpose)).update(body).digest("base64url");
  return `${body}.${mac}`;
}

/** The payload when the token is genuine, otherwise null. */
export function verifyToken(purpose: string, token: string): string | null {
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = createHmac("sha256", key(purpose)).update(body).digest();
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Buffer.from(body, "base64url").toString("utf8");
}
