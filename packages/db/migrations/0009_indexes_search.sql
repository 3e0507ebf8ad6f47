-- Indexes for every foreign key and every list order, trigram search and a stored first fiscal year (issue 14).
-- pg_trgm is a trusted extension (PostgreSQL 13+): a database owner may create it without superuser rights.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
ALTER TABLE "grants" ADD COLUMN "first_fiscal_year" integer;
--> statement-breakpoint
-- The earliest fiscal year funding a grant, kept here by the database whatever the code does, so the grant list
-- sorts by fiscal year through an index instead of running a min() per grant.
CREATE FUNCTION refresh_grant_first_fiscal_year(gid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE grants g SET first_fiscal_year = f.year
  FROM (SELECT min(a.fiscal_year) AS year FROM funding_lines fl JOIN allocations a ON a.id = fl.allocation_id
        WHERE fl.grant_id = gid) f
  WHERE g.id = gid AND g.first_fiscal_year IS DISTINCT FROM f.year
$$;
--> statement-breakpoint
CREATE FUNCTION funding_lines_first_fiscal_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM refresh_grant_first_fiscal_year(OLD.grant_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM refresh_grant_first_fiscal_year(NEW.grant_id); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER funding_lines_first_fiscal_year AFTER INSERT OR DELETE OR UPDATE OF grant_id, allocation_id
  ON funding_lines FOR EACH ROW EXECUTE FUNCTION funding_lines_first_fiscal_year();
--> statement-breakpoint
CREATE FUNCTION allocations_first_fiscal_year() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_grant_first_fiscal_year(fl.grant_id) FROM funding_lines fl WHERE fl.allocation_id = NEW.id;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER allocations_first_fiscal_year AFTER UPDATE OF fiscal_year ON allocations
  FOR EACH ROW WHEN (OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year) EXECUTE FUNCTION allocations_first_fiscal_year();
--> statement-breakpoint
UPDATE grants g SET first_fiscal_year = f.year
FROM (SELECT fl.grant_id, min(a.fiscal_year) AS year FROM funding_lines fl JOIN allocations a ON a.id = fl.allocation_id
      GROUP BY fl.grant_id) f
WHERE g.id = f.grant_id;
--> statement-breakpoint
DROP INDEX "report_submissions_requirement_idx";
--> statement-breakpoint
CREATE INDEX "organisations_country_idx" ON "organisations" USING btree ("country_code");
--> statement-breakpoint
CREATE INDEX "organisations_legal_name_en_idx" ON "organisations" USING btree ("legal_name_en","id");
--> statement-breakpoint
CREATE INDEX "organisations_display_name_idx" ON "organisations" USING btree (lower(coalesce("acronym", "legal_name_en")));
--> statement-breakpoint
CREATE INDEX "organisations_legal_name_en_trgm_idx" ON "organisations" USING gin ("legal_name_en" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "organisations_legal_name_fr_trgm_idx" ON "organisations" USING gin ("legal_name_fr" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "organisations_acronym_trgm_idx" ON "organisations" USING gin ("acronym" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "invitations_organisation_idx" ON "invitations" USING btree ("organisation_id","created_at");
--> statement-breakpoint
CREATE INDEX "invitations_invited_by_idx" ON "invitations" USING btree ("invited_by_id");
--> statement-breakpoint
CREATE INDEX "invitations_accepted_user_idx" ON "invitations" USING btree ("accepted_user_id");
--> statement-breakpoint
CREATE INDEX "invitations_created_idx" ON "invitations" USING btree ("created_at");
--> statement-breakpoint
CREATE INDEX "officer_programmes_programme_idx" ON "officer_programmes" USING btree ("programme_id");
--> statement-breakpoint
CREATE INDEX "users_name_idx" ON "users" USING btree ("name","id");
--> statement-breakpoint
CREATE INDEX "allocations_fiscal_year_idx" ON "allocations" USING btree ("fiscal_year");
--> statement-breakpoint
CREATE INDEX "programmes_parent_idx" ON "programmes" USING btree ("parent_id");
--> statement-breakpoint
CREATE INDEX "disbursements_funding_line_idx" ON "disbursements" USING btree ("funding_line_id") INCLUDE ("amount_cad","fiscal_year","fiscal_quarter");
--> statement-breakpoint
CREATE INDEX "disbursements_scheduled_payment_idx" ON "disbursements" USING btree ("scheduled_payment_id");
--> statement-breakpoint
CREATE INDEX "disbursements_recorded_by_idx" ON "disbursements" USING btree ("recorded_by_id");
--> statement-breakpoint
CREATE INDEX "disbursements_paid_idx" ON "disbursements" USING btree ("paid_on","created_at","id");
--> statement-breakpoint
CREATE INDEX "grants_lead_officer_idx" ON "grants" USING btree ("lead_officer_id");
--> statement-breakpoint
CREATE INDEX "grants_created_by_idx" ON "grants" USING btree ("created_by_id");
--> statement-breakpoint
CREATE INDEX "grants_approved_by_idx" ON "grants" USING btree ("approved_by_id");
--> statement-breakpoint
CREATE INDEX "grants_ends_on_idx" ON "grants" USING btree ("ends_on","id");
--> statement-breakpoint
CREATE INDEX "grants_amount_cad_idx" ON "grants" USING btree ("total_amount_cad","id");
--> statement-breakpoint
CREATE INDEX "grants_disbursed_idx" ON "grants" USING btree ("disbursed","id");
--> statement-breakpoint
CREATE INDEX "grants_first_fiscal_year_idx" ON "grants" USING btree ("first_fiscal_year","id");--> statement-breakpoint
CREATE INDEX "grants_first_fiscal_year_nulls_first_idx" ON "grants" USING btree ("first_fiscal_year" NULLS FIRST,"id");--> statement-breakpoint
DROP INDEX "grants_status_idx";--> statement-breakpoint
CREATE INDEX "grants_status_idx" ON "grants" USING btree ("status","id");
--> statement-breakpoint
CREATE INDEX "grants_submitted_idx" ON "grants" USING btree ("updated_at","id") WHERE "grants"."status" = 'submitted';
--> statement-breakpoint
CREATE INDEX "grants_reference_trgm_idx" ON "grants" USING gin ("reference" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "grants_title_en_trgm_idx" ON "grants" USING gin ("title_en" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "grants_title_fr_trgm_idx" ON "grants" USING gin ("title_fr" gin_trgm_ops);
--> statement-breakpoint
CREATE INDEX "report_attachments_submission_idx" ON "report_attachments" USING btree ("submission_id");
--> statement-breakpoint
CREATE INDEX "report_submissions_submitted_by_idx" ON "report_submissions" USING btree ("submitted_by_id");
--> statement-breakpoint
CREATE INDEX "report_submissions_responded_by_idx" ON "report_submissions" USING btree ("responded_by_id");
--> statement-breakpoint
CREATE INDEX "reporting_requirements_overdue_idx" ON "reporting_requirements" USING btree ("due_on","id") WHERE "reporting_requirements"."status" in ('open', 'changes_requested');--> statement-breakpoint
CREATE INDEX "reporting_requirements_in_review_idx" ON "reporting_requirements" USING btree ("due_on","id") WHERE "reporting_requirements"."status" in ('submitted', 'resubmitted');
--> statement-breakpoint
CREATE INDEX "scheduled_payments_requirement_idx" ON "scheduled_payments" USING btree ("requirement_id");
--> statement-breakpoint
CREATE INDEX "scheduled_payments_created_by_idx" ON "scheduled_payments" USING btree ("created_by_id");
--> statement-breakpoint
CREATE INDEX "scheduled_payments_approved_by_idx" ON "scheduled_payments" USING btree ("approved_by_id");
--> statement-breakpoint
CREATE INDEX "scheduled_payments_to_act_idx" ON "scheduled_payments" USING btree ("due_on","id") WHERE "scheduled_payments"."status" in ('due', 'approved');--> statement-breakpoint
CREATE INDEX "scheduled_payments_due_idx" ON "scheduled_payments" USING btree ("due_on","id");
--> statement-breakpoint
CREATE INDEX "conference_co_hosts_country_idx" ON "conference_co_hosts" USING btree ("country_code");
--> statement-breakpoint
CREATE INDEX "conference_documents_conference_idx" ON "conference_documents" USING btree ("conference_id","position");
--> statement-breakpoint
CREATE INDEX "conference_outcomes_conference_idx" ON "conference_outcomes" USING btree ("conference_id","position");
--> statement-breakpoint
CREATE INDEX "conferences_country_idx" ON "conferences" USING btree ("country_code");
--> statement-breakpoint
CREATE INDEX "conferences_grant_idx" ON "conferences" USING btree ("grant_id");
--> statement-breakpoint
CREATE INDEX "conferences_allocation_idx" ON "conferences" USING btree ("allocation_id");
--> statement-breakpoint
CREATE INDEX "conferences_starts_on_idx" ON "conferences" USING btree ("starts_on");
--> statement-breakpoint
CREATE INDEX "report_submissions_requirement_idx" ON "report_submissions" USING btree ("requirement_id","submitted_at");
