// Tabs, newlines and other control characters are dropped by URL parsers (`/\t/evil` becomes `//evil`), and a
// backslash is read as a slash: none of them belongs in a destination of ours.
const FORBIDDEN = /[\u0000-\u001f\u007f\\]/;

/**
 * A post-sign-in destination: a path on this origin after normalisation, nothing else ("/" otherwise). The value is
 * percent-decoded first (repeatedly, so double encoding cannot hide a character), must start with one slash, and
 * must resolve against a placeholder origin to that same origin.
 */
export function safeNextPath(next: string | undefined | null): string {
  if (!next || next.length > 2048) return "/";
  let decoded = next;
  for (let i = 0; i < 3; i++) {
    let once: string;
    try {
      once = decodeURIComponent(decoded);
    } catch {
      return "/";
    }
    if (once === decoded) break;
    decoded = once;
  }
  if (FORBIDDEN.test(decoded) || !decoded.startsWith("/") || decoded.startsWith("//")) return "/";
  const base = "https://portal.invalid";
  const url = new URL(next, base);
  if (url.origin !== base) return "/";
  return url.pathname + url.search + url.hash;
}
