import en from "@portal/ui/messages/en/availability.json" with { type: "json" };
import fr from "@portal/ui/messages/fr/availability.json" with { type: "json" };

const RETRY_AFTER_SECONDS = "10";

const escapeHtml = (text: string) =>
  text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;");

/**
 * Both languages on one page: whoever reads it may not have chosen a language yet, and the locale cookie is not worth
 * trusting while nothing else works. No scripts, no external styles: it must render whatever else is down.
 */
function page(): string {
  const section = (lang: string, m: typeof en) => `
  <section lang="${lang}">
    <h1>${escapeHtml(m.title)}</h1>
    <p>${escapeHtml(m.body)}</p>
    <p><a href="">${escapeHtml(m.retry)}</a></p>
  </section>`;
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(en.title)} / ${escapeHtml(fr.title)}</title>
  <style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#1f2937}
  section+section{border-top:1px solid #d1d5db;margin-top:2rem;padding-top:1rem}h1{font-size:1.5rem}</style>
</head>
<body>${section("en", en)}${section("fr", fr)}
</body>
</html>`;
}

/** 503 for a page (HTML in English and French) or an API call (JSON with both messages). */
export function unavailableResponse(kind: "page" | "api"): Response {
  const headers = { "Cache-Control": "no-store", "Retry-After": RETRY_AFTER_SECONDS };
  if (kind === "api") {
    return Response.json(
      { error: { code: "SERVICE_UNAVAILABLE", message: en.apiError, messageFr: fr.apiError } },
      { status: 503, headers },
    );
  }
  return new Response(page(), { status: 503, headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
}
