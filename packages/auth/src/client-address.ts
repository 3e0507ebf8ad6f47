/**
 * The client's address for per-address throttling. Next.js fills X-Forwarded-For with the socket's address only
 * when the request has none, so the rightmost entry is the one written by the nearest party we trust: Next.js itself
 * (no proxy), or the last of AUTH_TRUSTED_PROXY_HOPS reverse proxies that append to the header.
 */
export function clientAddress(request: Request | undefined): string {
  const hops = Number(process.env.AUTH_TRUSTED_PROXY_HOPS ?? 0);
  const entries = (request?.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const index = entries.length - Math.max(1, Number.isInteger(hops) && hops > 0 ? hops : 1);
  return entries[index] ?? entries.at(-1) ?? "unknown";
}
