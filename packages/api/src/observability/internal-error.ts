/**
 * What a reader sees when the server itself failed: no detail, only the reference that finds the log lines.
 * Kept here rather than in the UI catalogues because route handlers and tRPC answer it without rendering a page.
 */
export function internalErrorMessage(locale: "en" | "fr", requestId: string): string {
  return locale === "fr"
    ? `Une erreur s'est produite de notre côté. Réessayez ; si elle se répète, indiquez la référence ${requestId}.`
    : `Something went wrong on our side. Please try again; if it keeps happening, quote reference ${requestId}.`;
}
