-- The officer dashboard counts each of its lists up to 1,001 rows. With what the count reads besides the order
-- (the grant id of an instalment or report, for the officer's scope; the creator of a grant, for four eyes) in the
-- list's own index, each count reads that index alone: at 1M disbursements the instalments were a sequential scan
-- and the approvals a thousand visits to the table. Columns and order are unchanged, so the lists still read their
-- soonest or oldest 50 from the same indexes.
DROP INDEX "scheduled_payments_to_act_idx";--> statement-breakpoint
CREATE INDEX "scheduled_payments_to_act_idx" ON "scheduled_payments" USING btree ("due_on","id") INCLUDE ("grant_id") WHERE "scheduled_payments"."status" in ('due', 'approved');--> statement-breakpoint
DROP INDEX "reporting_requirements_overdue_idx";--> statement-breakpoint
CREATE INDEX "reporting_requirements_overdue_idx" ON "reporting_requirements" USING btree ("due_on","id") INCLUDE ("grant_id") WHERE "reporting_requirements"."status" in ('open', 'changes_requested');--> statement-breakpoint
DROP INDEX "reporting_requirements_in_review_idx";--> statement-breakpoint
CREATE INDEX "reporting_requirements_in_review_idx" ON "reporting_requirements" USING btree ("due_on","id") INCLUDE ("grant_id") WHERE "reporting_requirements"."status" in ('submitted', 'resubmitted');--> statement-breakpoint
DROP INDEX "grants_submitted_idx";--> statement-breakpoint
CREATE INDEX "grants_submitted_idx" ON "grants" USING btree ("updated_at","id") INCLUDE ("created_by_id") WHERE "grants"."status" = 'submitted';
