import { type Database, type DbOrTx, grants, reportingRequirements, scheduledPayments } from "@portal/db";
import { formatMoney, localized, paymentRules } from "@portal/domain";
import type { Locale } from "@portal/ui/i18n";
import { and, asc, eq } from "drizzle-orm";
import type { Actor } from "../../actor";
import { officerDashboard } from "../dashboard/officer-dashboard";
import { visibleGrants } from "../grants/grant-scope";
import { todayInOttawa } from "../today";
import { deliveriesFor } from "./preferences";
import { queueEmail } from "./queue-email";
import { activeWithRole, type Recipient } from "./recipients";
import { formatIsoDate, layoutEmail, portalNameIn, translatorFor } from "./render";
import { notificationSettings, portalLink } from "./settings";
import { oneClickUnsubscribeLink, unsubscribeLink } from "./unsubscribe-link";

/** Rows per section in the e-mail; the rest is counted and left to the dashboard. */
const PER_SECTION = 10;

const SECTIONS = ["approveGrant", "approveAmendment", "approvePayment", "pay", "hold", "review", "overdue"] as const;
type Section = (typeof SECTIONS)[number];
interface Entry {
  section: Section;
  grant: { titleEn: string; titleFr: string; reference: string };
  path: string;
  amount?: { cents: number; currency: string };
  sequence?: number;
  report?: { kind: string; stage: string };
  dueOn?: string;
  releasable?: boolean;
  proposedBy?: string;
}

/**
 * Payments on hold in the officer's scope, each with whether the payment rule lets it be released now (its report
 * was accepted or waived since): the one list the dashboard does not carry, read through the same scope and rule.
 */
async function heldPayments(db: DbOrTx, actor: Actor, today: string) {
  const rows = await db
    .select({
      paymentId: scheduledPayments.id,
      grantId: grants.id,
      titleEn: grants.titleEn,
      titleFr: grants.titleFr,
      reference: grants.reference,
      currency: grants.currency,
      grantStatus: grants.status,
      sequence: scheduledPayments.sequence,
      amount: scheduledPayments.amount,
      dueOn: scheduledPayments.dueOn,
      createdById: scheduledPayments.createdById,
      reportStatus: reportingRequirements.status,
      reportDueOn: reportingRequirements.dueOn,
    })
    .from(scheduledPayments)
    .innerJoin(grants, eq(grants.id, scheduledPayments.grantId))
    .leftJoin(reportingRequirements, eq(reportingRequirements.id, scheduledPayments.requirementId))
    .where(and(visibleGrants(actor), eq(scheduledPayments.status, "on_hold")))
    .orderBy(asc(scheduledPayments.dueOn), asc(scheduledPayments.id))
    .limit(50);
  return rows.map((row) => {
    const report = row.reportStatus && row.reportDueOn ? { status: row.reportStatus, dueOn: row.reportDueOn } : null;
    const rules = paymentRules(actor, {
      payment: { status: "on_hold", createdById: row.createdById },
      grantStatus: row.grantStatus,
      report,
      today,
    });
    return { ...row, releasable: rules.some((r) => r.action === "release" && r.allowed) };
  });
}

/** What needs this officer's action today, in the dashboard's own terms (its lists, its payment rule). */
export async function officerActionItems(db: DbOrTx, actor: Actor, today: string): Promise<Entry[]> {
  const board = await officerDashboard(db, actor, today);
  const grantOf = (row: { titleEn: string; titleFr: string; reference: string }) => ({
    titleEn: row.titleEn,
    titleFr: row.titleFr,
    reference: row.reference,
  });
  const payments = (needs: "approval" | "payment", section: Section): Entry[] =>
    board.payments.rows
      .filter((row) => row.needs === needs)
      .map((row) => ({
        section,
        grant: grantOf(row),
        path: `/grants/${row.grantId}`,
        amount: { cents: row.amount, currency: row.currency },
        sequence: row.sequence,
        dueOn: row.dueOn,
      }));
  const reports = (
    rows: {
      requirementId: string;
      kind: string;
      stage: string;
      dueOn: string;
      titleEn: string;
      titleFr: string;
      reference: string;
    }[],
    section: Section,
  ): Entry[] =>
    rows.map((row) => ({
      section,
      grant: grantOf(row),
      path: `/reports/${row.requirementId}`,
      report: { kind: row.kind, stage: row.stage },
      dueOn: row.dueOn,
    }));
  return [
    ...board.approvals.rows.map((row): Entry => ({
      section: "approveGrant",
      grant: grantOf(row),
      path: `/grants/${row.grantId}`,
      amount: { cents: row.totalAmount, currency: row.currency },
    })),
    ...board.amendmentsToApprove.rows.map((row): Entry => ({
      section: "approveAmendment",
      grant: grantOf(row),
      path: row.path,
      proposedBy: row.proposedBy,
    })),
    ...payments("approval", "approvePayment"),
    ...payments("payment", "pay"),
    ...(await heldPayments(db, actor, today)).map((row): Entry => ({
      section: "hold",
      grant: grantOf(row),
      path: `/grants/${row.grantId}`,
      amount: { cents: row.amount, currency: row.currency },
      sequence: row.sequence,
      dueOn: row.dueOn,
      releasable: row.releasable,
    })),
    ...reports(board.reportsToReview.rows, "review"),
    ...reports(board.overdueReports.rows, "overdue"),
  ];
}

function render(entries: Entry[], officer: Recipient, day: string) {
  const settings = notificationSettings();
  const locale: Locale = officer.locale;
  const t = translatorFor(locale);
  const intl = locale === "fr" ? "fr-CA" : "en-CA";
  const portal = portalNameIn(locale, settings);
  const items = [];
  const more: string[] = [];
  for (const section of SECTIONS) {
    const inSection = entries.filter((entry) => entry.section === section);
    for (const entry of inSection.slice(0, PER_SECTION)) {
      const grant = `${localized(entry.grant, "title", locale)} (${entry.grant.reference})`;
      const args = {
        grant,
        amount: entry.amount ? formatMoney(entry.amount.cents, entry.amount.currency, intl) : "",
        sequence: entry.sequence ?? 0,
        proposedBy: entry.proposedBy ?? "",
        dueOn: entry.dueOn ? formatIsoDate(entry.dueOn, locale) : "",
        report: entry.report
          ? t(
              `notifications.reportNames.${entry.report.kind}_${entry.report.stage}` as "notifications.reportNames.narrative_interim",
            )
          : "",
      };
      const key = section === "hold" && entry.releasable ? "holdReleasable" : section;
      items.push({
        title: t(`actionDigest.sections.${key}`),
        body: t(`actionDigest.rows.${key}`, args),
        url: portalLink(entry.path, settings),
      });
    }
    if (inSection.length > PER_SECTION) {
      more.push(
        t("actionDigest.more", {
          count: inSection.length - PER_SECTION,
          section: t(`actionDigest.sections.${section}`),
        }),
      );
    }
  }
  return {
    subject: t("actionDigest.subject", { portal, count: entries.length }),
    ...layoutEmail({
      portal,
      greeting: t("notifications.email.greeting", { name: officer.name }),
      paragraphs: [t("actionDigest.intro", { date: formatIsoDate(day, locale) }), ...more],
      items,
      action: { label: t("actionDigest.openDashboard"), url: portalLink("/", settings) },
      footer: [
        t("notifications.email.footer", { portal }),
        t("notifications.email.manage", { url: portalLink("/notifications", settings) }),
        t("notifications.email.unsubscribe", {
          category: t("notifications.categories.actions"),
          url: unsubscribeLink(officer.id, "actions"),
        }),
      ],
    }),
  };
}

/**
 * Each officer's morning list of what needs their action, read from their dashboard (the same lists and payment
 * rule, so the e-mail and the page never disagree): grants, amendments and instalments awaiting their approval that
 * others created or proposed, instalments to pay, payments on hold, reports to review and reports overdue. Nothing to do, no e-mail;
 * the "actions" preference turned off, no e-mail. One per officer and day (dedup key), so a retried job sends once.
 */
export async function sendOfficerActionDigests(db: Database, now = new Date()) {
  const day = todayInOttawa(now);
  const officers = await activeWithRole(db, "officer");
  const deliveries = await deliveriesFor(
    db,
    officers.map((o) => o.id),
    "actions",
  );
  let sent = 0;
  for (const officer of officers) {
    if (deliveries.get(officer.id) === "off") continue;
    const actor: Actor = { userId: officer.id, role: officer.role, organisationIds: [] };
    const entries = await officerActionItems(db, actor, day);
    if (entries.length === 0) continue;
    const { subject, text, html } = render(entries, officer, day);
    const written = await queueEmail(db, {
      text,
      html,
      subject,
      dedupKey: `actions:${officer.id}:${day}`,
      userId: officer.id,
      to: officer.email,
      locale: officer.locale,
      category: "actions",
      unsubscribeUrl: oneClickUnsubscribeLink(officer.id, "actions"),
    });
    if (written) sent += 1;
  }
  return { officers: officers.length, sent };
}
