import { formatMoney, type NotificationKind } from "@portal/domain";
import { type Locale, messagesFor } from "@portal/ui/i18n";
import { createTranslator } from "use-intl/core";
import type { NotificationSettings } from "./settings";

/**
 * What a notification stores: raw facts (cents, ISO dates, both titles), so it can be read in any language later.
 * Everything is optional; each kind uses what its message names.
 */
export interface NotificationParams {
  grantTitleEn?: string;
  grantTitleFr?: string;
  grantReference?: string;
  reportKind?: string;
  reportStage?: string;
  dueOn?: string;
  paidOn?: string;
  amountCents?: number;
  currency?: string;
  committedCents?: number;
  allocationCents?: number;
  percent?: number;
  sequence?: number;
  reference?: string;
  comment?: string;
  days?: number;
  organisation?: string;
  actor?: string;
  allocationEn?: string;
  allocationFr?: string;
  job?: string;
  error?: string;
}

export function translatorFor(locale: Locale) {
  return createTranslator({ locale, messages: messagesFor(locale) });
}

const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-CA" : "en-CA");

export function formatIsoDate(iso: string, locale: Locale): string {
  const date = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(date);
}

/** The ICU arguments of a kind's messages, in the reader's language. */
function argumentsFor(params: NotificationParams, locale: Locale): Record<string, string | number> {
  const t = translatorFor(locale);
  const money = (cents: number | undefined) =>
    cents === undefined ? "" : formatMoney(cents, params.currency ?? "CAD", intlLocale(locale));
  const grantTitle = locale === "fr" ? params.grantTitleFr : params.grantTitleEn;
  const reportKey = `${params.reportKind}_${params.reportStage}`;
  return {
    grant: grantTitle ? (params.grantReference ? `${grantTitle} (${params.grantReference})` : grantTitle) : "",
    report: params.reportKind
      ? t(`notifications.reportNames.${reportKey}` as "notifications.reportNames.narrative_interim")
      : "",
    dueOn: params.dueOn ? formatIsoDate(params.dueOn, locale) : "",
    paidOn: params.paidOn ? formatIsoDate(params.paidOn, locale) : "",
    amount: money(params.amountCents),
    committed: money(params.committedCents),
    percent: params.percent ?? 0,
    sequence: params.sequence ?? 0,
    reference: params.reference ?? "",
    comment: params.comment ?? "",
    days: params.days ?? 0,
    organisation: params.organisation ?? "",
    actor: params.actor ?? "",
    allocation: (locale === "fr" ? params.allocationFr : params.allocationEn) ?? "",
    job: params.job ?? "",
    error: params.error ?? "",
  };
}

export function renderNotification(kind: NotificationKind, params: NotificationParams, locale: Locale) {
  const t = translatorFor(locale);
  const args = argumentsFor(params, locale);
  return {
    title: t(`notifications.kinds.${kind}.title`, args),
    body: t(`notifications.kinds.${kind}.body`, args),
  };
}

export function portalNameIn(locale: Locale, settings: NotificationSettings): string {
  return settings.portalName ?? translatorFor(locale)("common.productName");
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Footer lines carry their links inline (manage, unsubscribe): make them clickable in HTML. */
const linkify = (escaped: string) => escaped.replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

export interface EmailParts {
  portal: string;
  greeting: string;
  paragraphs: string[];
  /** Items of a list (the digest). */
  items?: { title: string; body: string; url: string }[];
  action?: { label: string; url: string };
  footer: string[];
}

export interface RenderedEmail {
  text: string;
  html: string;
}

/** One layout for every e-mail: greeting, paragraphs, optional list and button, footer; HTML and plain text alike. */
export function layoutEmail(parts: EmailParts): RenderedEmail {
  const text = [
    parts.greeting,
    "",
    ...parts.paragraphs.flatMap((p) => [p, ""]),
    ...(parts.items ?? []).flatMap((item) => [`- ${item.title}: ${item.body}`, `  ${item.url}`, ""]),
    ...(parts.action ? [`${parts.action.label}: ${parts.action.url}`, ""] : []),
    "--",
    ...parts.footer,
  ].join("\n");
  const html = `<!doctype html>
<html><body style="font-family:system-ui,sans-serif;color:#1f2937;max-width:36rem;margin:0 auto;padding:1.5rem">
<p style="font-weight:600;font-size:1.1rem">${escapeHtml(parts.portal)}</p>
<p>${escapeHtml(parts.greeting)}</p>
${parts.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${
  parts.items && parts.items.length > 0
    ? `<ul>${parts.items
        .map(
          (item) =>
            `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>: ${escapeHtml(item.body)}</li>`,
        )
        .join("")}</ul>`
    : ""
}
${
  parts.action
    ? `<p><a href="${escapeHtml(parts.action.url)}" style="display:inline-block;background:#1d4ed8;color:#fff;padding:.6rem 1rem;border-radius:.375rem;text-decoration:none">${escapeHtml(parts.action.label)}</a></p>`
    : ""
}
<hr style="border:none;border-top:1px solid #e5e7eb">
${parts.footer.map((line) => `<p style="font-size:.8rem;color:#6b7280">${linkify(escapeHtml(line))}</p>`).join("\n")}
</body></html>`;
  return { text, html };
}
