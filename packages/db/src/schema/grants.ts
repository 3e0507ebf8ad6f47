import { GRANT_STATUSES } from "@portal/domain";
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  check,
  customType,
  date,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uuid,
} from "drizzle-orm/pg-core";
import { currencyCode, money, provenance, timestamps } from "./common";
import { organisations } from "./organisations";
import { allocations, fiscalYears } from "./programmes";
import { users } from "./users";

export const grantStatus = pgEnum("grant_status", GRANT_STATUSES);

/**
 * A contribution agreement. totalAmount is in the grant's own currency; a foreign-currency grant keeps the rate to CAD
 * it was committed at and its CAD equivalent, which is what funding lines draw from CAD allocations.
 * disbursed is the running total of its disbursements (kept by the ledger in the same transaction).
 */
export const grants = pgTable(
  "grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    reference: text().notNull().unique(),
    recipientId: uuid()
      .notNull()
      .references(() => organisations.id),
    titleEn: text().notNull(),
    titleFr: text().notNull(),
    purposeEn: text().notNull().default(""),
    purposeFr: text().notNull().default(""),
    totalAmount: money("total_amount").notNull(),
    currency: currencyCode().notNull().default("CAD"),
    /** CAD per one unit of the grant's currency, e.g. 0.92 for CHF; exactly 1 for CAD grants. */
    exchangeRateToCad: numeric({ precision: 18, scale: 8 }).notNull().default("1"),
    totalAmountCad: money("total_amount_cad").notNull(),
    disbursed: money("disbursed").notNull().default(0),
    startsOn: date().notNull(),
    endsOn: date().notNull(),
    status: grantStatus().notNull().default("draft"),
    leadOfficerId: uuid().references(() => users.id),
    createdById: uuid().references(() => users.id),
    approvedById: uuid().references(() => users.id),
    /**
     * The earliest fiscal year of the allocations funding this grant, kept by a trigger on funding_lines (migration
     * 0009) so the list sorts by fiscal year through an index instead of a min() per grant. Null without funding lines.
     */
    firstFiscalYear: integer(),
    /**
     * What the grant list's search reads: reference, both titles and the recipient's names and acronym, one per line,
     * kept by triggers on grants and organisations (migration 0018), so a search is one trigram index scan.
     */
    searchText: text().notNull().default(""),
    /**
     * The programmes of its funding lines' allocations, sorted (none without lines), kept by triggers on funding lines
     * and allocations (migration 0022): officer scope as an indexable containment (grant-scope.ts).
     */
    programmeIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'`),
    /** Optimistic-concurrency version for edits made from a form. */
    version: integer().notNull().default(1),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    check("grants_total_positive", sql`${t.totalAmount} > 0 and ${t.totalAmountCad} > 0`),
    check("grants_disbursed_range", sql`${t.disbursed} >= 0 and ${t.disbursed} <= ${t.totalAmount}`),
    check("grants_dates", sql`${t.endsOn} >= ${t.startsOn}`),
    check("grants_rate_positive", sql`${t.exchangeRateToCad} > 0`),
    check(
      "grants_cad_rate_one",
      sql`${t.currency} <> 'CAD' or (${t.exchangeRateToCad} = 1 and ${t.totalAmountCad} = ${t.totalAmount})`,
    ),
    check(
      "grants_approver_not_creator",
      sql`${t.approvedById} is null or ${t.createdById} is null or ${t.approvedById} <> ${t.createdById}`,
    ),
    index("grants_recipient_idx").on(t.recipientId),
    // A partner's grants (not drafts) as the workspace lists them, latest start first: its first 50 entries.
    index("grants_recipient_starts_idx")
      .on(t.recipientId, t.startsOn.desc().nullsFirst(), t.reference)
      .where(sql`${t.status} <> 'draft'`),
    index("grants_status_idx").on(t.status, t.id),
    index("grants_lead_officer_idx").on(t.leadOfficerId),
    index("grants_created_by_idx").on(t.createdById),
    index("grants_approved_by_idx").on(t.approvedById),
    // The list's sort orders (the id breaks ties, so pages and export batches are stable).
    index("grants_ends_on_idx").on(t.endsOn, t.id),
    index("grants_amount_cad_idx").on(t.totalAmountCad, t.id),
    index("grants_disbursed_idx").on(t.disbursed, t.id),
    index("grants_first_fiscal_year_idx").on(t.firstFiscalYear, t.id),
    // Scanned backwards: newest first with the grants that have no funding line still last.
    index("grants_first_fiscal_year_nulls_first_idx").on(t.firstFiscalYear.asc().nullsFirst(), t.id),
    // A grant's status and recipient by its id, from the index alone: the budget review's figures per partner visit
    // every funding line of a fiscal year (1,500 at 1M disbursements) and need only these of its grant. Migration
    // 0020 adds INCLUDE (status, recipient_id).
    index("grants_status_recipient_by_id_idx").on(t.id),
    // The officer dashboard's approvals, oldest first. Migration 0019 adds INCLUDE (created_by_id): the dashboard
    // counts them (four eyes: not the officer's own) from the index alone.
    index("grants_submitted_idx")
      .on(t.updatedAt, t.id)
      .where(sql`${t.status} = 'submitted'`),
    // The grants an officer of a few programmes manages (programme_ids <@ theirs), read from this index.
    index("grants_programme_ids_idx").using("gin", t.programmeIds),
    // Search: ILIKE '%q%' through trigram indexes (pg_trgm).
    index("grants_reference_trgm_idx").using("gin", sql`${t.reference} gin_trgm_ops`),
    index("grants_title_en_trgm_idx").using("gin", sql`${t.titleEn} gin_trgm_ops`),
    index("grants_title_fr_trgm_idx").using("gin", sql`${t.titleFr} gin_trgm_ops`),
    // Without the pending list (fastupdate), a search never scans the grants inserted since the last vacuum one by one.
    index("grants_search_text_trgm_idx")
      .using("gin", sql`${t.searchText} gin_trgm_ops`)
      .with({ fastupdate: "off" }),
  ],
);

/** Earmarks within a grant (ICBL's $210,000 for the Landmine Monitor); they add up exactly to the grant total. */
export const grantComponents = pgTable(
  "grant_components",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    position: smallint().notNull(),
    titleEn: text().notNull(),
    titleFr: text().notNull(),
    descriptionEn: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    amount: money("amount").notNull(),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    unique("grant_components_position_unique").on(t.grantId, t.position),
    check("grant_components_amount_positive", sql`${t.amount} > 0`),
  ],
);

/** The part of a grant drawn from one programme allocation (in CAD). */
export const fundingLines = pgTable(
  "funding_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    allocationId: uuid()
      .notNull()
      .references(() => allocations.id),
    amount: money("amount").notNull(),
    disbursed: money("disbursed").notNull().default(0),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    unique("funding_lines_grant_allocation_unique").on(t.grantId, t.allocationId),
    check("funding_lines_amount_positive", sql`${t.amount} > 0`),
    check("funding_lines_disbursed_range", sql`${t.disbursed} >= 0 and ${t.disbursed} <= ${t.amount}`),
    // Migration 0017 adds INCLUDE (grant_id, amount, disbursed): a fiscal year's lines read from the index alone.
    index("funding_lines_allocation_idx").on(t.allocationId),
  ],
);

export const reportKind = pgEnum("report_kind", ["narrative", "financial"]);
export const reportStage = pgEnum("report_stage", ["interim", "final"]);
export const requirementStatus = pgEnum("requirement_status", [
  "open",
  "submitted",
  "accepted",
  "changes_requested",
  "resubmitted",
  "waived",
]);

export const reportingRequirements = pgTable(
  "reporting_requirements",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    kind: reportKind().notNull(),
    stage: reportStage().notNull(),
    dueOn: date().notNull(),
    status: requirementStatus().notNull().default("open"),
    /**
     * The grant's recipient, copied here by a trigger (migration 0024) on every insert and update and whenever the
     * grant's recipient changes; never written by the services. The partner workspace picks its soonest reports from
     * an index led by it. No foreign key of its own: grants.recipient_id holds that reference.
     */
    recipientId: uuid(),
    waivedReason: text(),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    check("reporting_requirements_waiver_reason", sql`${t.status} <> 'waived' or length(trim(${t.waivedReason})) > 0`),
    index("reporting_requirements_grant_idx").on(t.grantId),
    // The officer dashboard's lists, soonest first: each read is the first 50 entries of one of these. Migration 0019
    // adds INCLUDE (grant_id) to both: the dashboard counts them from the index alone.
    index("reporting_requirements_overdue_idx")
      .on(t.dueOn, t.id)
      .where(sql`${t.status} in ('open', 'changes_requested')`),
    index("reporting_requirements_in_review_idx")
      .on(t.dueOn, t.id)
      .where(sql`${t.status} in ('submitted', 'resubmitted')`),
    // A partner's reports in play, read from the index alone: the workspace counts them and picks the soonest 50.
    // Migration 0018 adds INCLUDE (status, due_on, id).
    index("reporting_requirements_in_play_idx")
      .on(t.grantId)
      .where(sql`${t.status} in ('open', 'changes_requested', 'submitted', 'resubmitted')`),
    // A recipient's reports in play, soonest first: the workspace reads its first 50 entries, however many there are.
    index("reporting_requirements_recipient_in_play_idx")
      .on(t.recipientId, t.dueOn, t.id)
      .where(sql`${t.status} in ('open', 'changes_requested', 'submitted', 'resubmitted')`),
  ],
);

export const submissionDecision = pgEnum("submission_decision", ["accepted", "changes_requested"]);

/** One submission of a report by a partner, and the officer's response to it. */
export const reportSubmissions = pgTable(
  "report_submissions",
  {
    id: uuid().primaryKey().defaultRandom(),
    requirementId: uuid()
      .notNull()
      .references(() => reportingRequirements.id, { onDelete: "cascade" }),
    submittedById: uuid()
      .notNull()
      .references(() => users.id),
    body: text().notNull(),
    submittedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    decision: submissionDecision(),
    response: text(),
    respondedById: uuid().references(() => users.id),
    respondedAt: timestamp({ withTimezone: true }),
    provenance: provenance().notNull().default("entered"),
  },
  (t) => [
    index("report_submissions_requirement_idx").on(t.requirementId, t.submittedAt),
    index("report_submissions_submitted_by_idx").on(t.submittedById),
    index("report_submissions_responded_by_idx").on(t.respondedById),
  ],
);

export const reportAttachments = pgTable(
  "report_attachments",
  {
    id: uuid().primaryKey().defaultRandom(),
    submissionId: uuid()
      .notNull()
      .references(() => reportSubmissions.id, { onDelete: "cascade" }),
    fileName: text().notNull(),
    contentType: text().notNull(),
    sizeBytes: integer().notNull(),
    sha256: text().notNull(),
    /** Opaque key in the attachment store; never derived from the user's file name. */
    storageKey: text().notNull().unique(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("report_attachments_size", sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 10485760`),
    index("report_attachments_submission_idx").on(t.submissionId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * Attachment bytes live in the database (any PostgreSQL, backed up with everything else, served only through an
 * authorised route); report_attachments holds their metadata.
 */
export const attachmentContents = pgTable("attachment_contents", {
  storageKey: text()
    .primaryKey()
    .references(() => reportAttachments.storageKey, { onDelete: "cascade" }),
  content: bytea().notNull(),
});

export const paymentStatus = pgEnum("payment_status", ["planned", "due", "approved", "paid", "on_hold", "cancelled"]);

/** A planned instalment; approval needs a second person (four eyes), enforced here as well as in the service. */
export const scheduledPayments = pgTable(
  "scheduled_payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id, { onDelete: "cascade" }),
    sequence: smallint().notNull(),
    descriptionEn: text().notNull().default(""),
    descriptionFr: text().notNull().default(""),
    dueOn: date().notNull(),
    amount: money("amount").notNull(),
    status: paymentStatus().notNull().default("planned"),
    /** The grant's recipient, kept by a trigger (migration 0024) as reporting_requirements.recipient_id is. */
    recipientId: uuid(),
    /** The report that must be accepted before this instalment is paid (e.g. the holdback until the final report). */
    requirementId: uuid().references(() => reportingRequirements.id),
    createdById: uuid().references(() => users.id),
    approvedById: uuid().references(() => users.id),
    provenance: provenance().notNull().default("entered"),
    ...timestamps,
  },
  (t) => [
    unique("scheduled_payments_sequence_unique").on(t.grantId, t.sequence),
    check("scheduled_payments_amount_positive", sql`${t.amount} > 0`),
    check(
      "scheduled_payments_four_eyes",
      sql`${t.approvedById} is null or ${t.createdById} is null or ${t.approvedById} <> ${t.createdById}`,
    ),
    index("scheduled_payments_requirement_idx").on(t.requirementId),
    index("scheduled_payments_created_by_idx").on(t.createdById),
    index("scheduled_payments_approved_by_idx").on(t.approvedById),
    // The officer dashboard's instalments to act on, soonest first. Migration 0019 adds INCLUDE (grant_id): the
    // dashboard counts them from the index alone.
    index("scheduled_payments_to_act_idx")
      .on(t.dueOn, t.id)
      .where(sql`${t.status} in ('due', 'approved')`),
    // Soonest first for the payments export's keyset batches.
    index("scheduled_payments_due_idx").on(t.dueOn, t.id),
    // A partner's instalments still to come, read from the index alone: the workspace sums them and picks the soonest
    // 50. Migration 0018 adds INCLUDE (amount, due_on, sequence, id).
    index("scheduled_payments_outstanding_idx")
      .on(t.grantId)
      .where(sql`${t.status} in ('planned', 'due', 'approved', 'on_hold')`),
    // A recipient's instalments still to come, soonest first: the workspace reads the first 50 entries.
    index("scheduled_payments_recipient_outstanding_idx")
      .on(t.recipientId, t.dueOn, t.sequence, t.id)
      .where(sql`${t.status} in ('planned', 'due', 'approved', 'on_hold')`),
  ],
);

/**
 * Money actually paid: append-only (a trigger refuses UPDATE and DELETE). A mistake is corrected by a reversing
 * entry with a negative amount that points at the entry it reverses.
 */
export const disbursements = pgTable(
  "disbursements",
  {
    id: uuid().primaryKey().defaultRandom(),
    grantId: uuid()
      .notNull()
      .references(() => grants.id),
    fundingLineId: uuid()
      .notNull()
      .references(() => fundingLines.id),
    scheduledPaymentId: uuid().references(() => scheduledPayments.id),
    paidOn: date().notNull(),
    fiscalYear: integer()
      .notNull()
      .references(() => fiscalYears.startYear),
    fiscalQuarter: smallint().notNull(),
    amount: money("amount").notNull(),
    currency: currencyCode().notNull(),
    amountCad: money("amount_cad").notNull(),
    reference: text().notNull(),
    idempotencyKey: text().notNull(),
    /**
     * The grant's recipient, kept by a trigger (migration 0024) as reporting_requirements.recipient_id is: the only
     * column the append-only guard lets change, and only to the grant's own recipient.
     */
    recipientId: uuid(),
    reversesId: uuid()
      .unique()
      .references((): AnyPgColumn => disbursements.id),
    reason: text(),
    recordedById: uuid().references(() => users.id),
    provenance: provenance().notNull().default("entered"),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("disbursements_idempotency_unique").on(t.grantId, t.idempotencyKey),
    check("disbursements_amount_nonzero", sql`${t.amount} <> 0`),
    check("disbursements_reversal_shape", sql`(${t.amount} < 0) = (${t.reversesId} is not null)`),
    check("disbursements_reversal_reason", sql`${t.reversesId} is null or length(trim(${t.reason})) > 0`),
    check("disbursements_quarter", sql`${t.fiscalQuarter} between 1 and 4`),
    index("disbursements_grant_idx").on(t.grantId),
    index("disbursements_fiscal_idx").on(t.fiscalYear, t.fiscalQuarter),
    // Migration 0009 adds INCLUDE (amount_cad, fiscal_year, fiscal_quarter): funding_line_ledger and the budget
    // review's quarters sum a line's payments from the index alone.
    index("disbursements_funding_line_idx").on(t.fundingLineId),
    index("disbursements_scheduled_payment_idx").on(t.scheduledPaymentId),
    index("disbursements_recorded_by_idx").on(t.recordedById),
    // Newest first for the partner workspace and the payments export (keyset pages walk it backwards). Migration
    // 0017 adds INCLUDE (grant_id, amount, currency, reference, reverses_id): batches read from the index alone.
    index("disbursements_paid_idx").on(t.paidOn, t.createdAt, t.id),
    // A recipient's payments, newest first (walked backwards): the workspace reads the first 50 entries.
    index("disbursements_recipient_paid_idx").on(t.recipientId, t.paidOn, t.createdAt, t.id),
  ],
);
