-- The officer dashboard counts each list up to 1,001 rows: with the grant id in its index, the count of instalments
-- to act on and of reports to review reads the index alone (at 1M disbursements, a sequential scan of every
-- instalment and a walk of every report in play before). The columns and order are unchanged, so the lists still
-- read their soonest 50 from the same index.
DROP INDEX "scheduled_payments_to_act_idx";--> statement-breakpoint
CREATE INDEX "scheduled_payments_to_act_idx" ON "scheduled_payments" USING btree ("due_on","id") INCLUDE ("grant_id") WHERE "scheduled_payments"."status" in ('due', 'approved');--> statement-breakpoint
DROP INDEX "reporting_requirements_in_review_idx";--> statement-breakpoint
CREATE INDEX "reporting_requirements_in_review_idx" ON "reporting_requirements" USING btree ("due_on","id") INCLUDE ("grant_id") WHERE "reporting_requirements"."status" in ('submitted', 'resubmitted');
