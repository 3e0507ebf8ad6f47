CREATE TYPE "public"."provenance" AS ENUM('source-document', 'public-record', 'illustrative', 'entered');--> statement-breakpoint
CREATE TYPE "public"."treaty_join_method" AS ENUM('ratification', 'accession', 'succession');--> statement-breakpoint
CREATE TYPE "public"."organisation_relation_kind" AS ENUM('member_of', 'coordination_committee_member_of', 'core_group_member_of', 'steering_committee_member_of', 'runs', 'regional_coordinator_for');--> statement-breakpoint
CREATE TYPE "public"."partnership_kind" AS ENUM('civil_society', 'state', 'international_organisation');--> statement-breakpoint
CREATE TYPE "public"."locale" AS ENUM('en', 'fr');--> statement-breakpoint
CREATE TYPE "public"."membership_capability" AS ENUM('view', 'submit_reports', 'manage_payment_requests', 'manage_members');--> statement-breakpoint
CREATE TYPE "public"."user_role" AS ENUM('admin', 'officer', 'partner');--> statement-breakpoint
CREATE TYPE "public"."grant_status" AS ENUM('draft', 'submitted', 'approved', 'active', 'closing', 'closed', 'cancelled', 'suspended', 'terminated');--> statement-breakpoint
CREATE TYPE "public"."payment_status" AS ENUM('planned', 'due', 'approved', 'paid', 'on_hold', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."report_kind" AS ENUM('narrative', 'financial');--> statement-breakpoint
CREATE TYPE "public"."report_stage" AS ENUM('interim', 'final');--> statement-breakpoint
CREATE TYPE "public"."requirement_status" AS ENUM('open', 'submitted', 'accepted', 'changes_requested', 'resubmitted', 'waived');--> statement-breakpoint
CREATE TYPE "public"."submission_decision" AS ENUM('accepted', 'changes_requested');--> statement-breakpoint
CREATE TABLE "countries" (
	"iso2" char(2) PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	CONSTRAINT "countries_iso2_upper" CHECK ("countries"."iso2" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "mine_producers" (
	"iso2" char(2) PRIMARY KEY NOT NULL,
	"still_producing2002" boolean NOT NULL,
	"likely_stopped" boolean DEFAULT false NOT NULL,
	"source" text,
	"provenance" "provenance" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stockpile_destructions" (
	"iso2" char(2) PRIMARY KEY NOT NULL,
	"completed_on" date NOT NULL,
	"precision" text NOT NULL,
	"source" text,
	"provenance" "provenance" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "treaty_status" (
	"iso2" char(2) PRIMARY KEY NOT NULL,
	"signed_on" date,
	"deposited_on" date,
	"join_method" "treaty_join_method",
	"entry_into_force_on" date,
	"stockpile_deadline_on" date,
	"withdrawal_notified_on" date,
	"withdrawal_effective_on" date,
	"source" text NOT NULL,
	"provenance" "provenance" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisation_relations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"from_organisation_id" uuid NOT NULL,
	"to_organisation_id" uuid NOT NULL,
	"kind" "organisation_relation_kind" NOT NULL,
	"note_en" text,
	"note_fr" text,
	"since" date,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_relations_unique" UNIQUE("from_organisation_id","to_organisation_id","kind"),
	CONSTRAINT "organisation_relations_not_self" CHECK ("organisation_relations"."from_organisation_id" <> "organisation_relations"."to_organisation_id")
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"legal_name_en" text NOT NULL,
	"legal_name_fr" text NOT NULL,
	"acronym" text,
	"iati_type" integer NOT NULL,
	"country_code" char(2),
	"website" text,
	"is_funder" boolean DEFAULT false NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_slug_unique" UNIQUE("slug"),
	CONSTRAINT "organisations_iati_type" CHECK ("organisations"."iati_type" in (10, 11, 15, 21, 22, 23, 24, 30, 40, 60, 70, 71, 72, 73, 80, 90)),
	CONSTRAINT "organisations_slug_format" CHECK ("organisations"."slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$')
);
--> statement-breakpoint
CREATE TABLE "partnerships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" uuid NOT NULL,
	"kind" "partnership_kind" NOT NULL,
	"since" date,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "partnerships_organisationId_unique" UNIQUE("organisation_id")
);
--> statement-breakpoint
CREATE TABLE "memberships" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"capabilities" "membership_capability"[] DEFAULT '{view}' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "memberships_user_org_unique" UNIQUE("user_id","organisation_id"),
	CONSTRAINT "memberships_has_view" CHECK ('view' = any("memberships"."capabilities"))
);
--> statement-breakpoint
CREATE TABLE "officer_programmes" (
	"user_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	CONSTRAINT "officer_programmes_user_id_programme_id_pk" PRIMARY KEY("user_id","programme_id")
);
--> statement-breakpoint
CREATE TABLE "user_identities" (
	"provider" text NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "user_identities_provider_subject_pk" PRIMARY KEY("provider","subject")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text,
	"role" "user_role" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"locale" "locale" DEFAULT 'en' NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_email_unique" UNIQUE("email"),
	CONSTRAINT "users_email_lowercase" CHECK ("users"."email" = lower("users"."email"))
);
--> statement-breakpoint
CREATE TABLE "allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"programme_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) DEFAULT 'CAD' NOT NULL,
	"committed" bigint DEFAULT 0 NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocations_programme_year_unique" UNIQUE("programme_id","fiscal_year"),
	CONSTRAINT "allocations_amount_positive" CHECK ("allocations"."amount" > 0),
	CONSTRAINT "allocations_committed_range" CHECK ("allocations"."committed" >= 0 and "allocations"."committed" <= "allocations"."amount"),
	CONSTRAINT "allocations_disbursed_range" CHECK ("allocations"."disbursed" >= 0 and "allocations"."disbursed" <= "allocations"."committed"),
	CONSTRAINT "allocations_currency_cad" CHECK ("allocations"."currency" = 'CAD')
);
--> statement-breakpoint
CREATE TABLE "fiscal_years" (
	"start_year" integer PRIMARY KEY NOT NULL,
	"label" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	CONSTRAINT "fiscal_years_label_unique" UNIQUE("label"),
	CONSTRAINT "fiscal_years_range" CHECK ("fiscal_years"."start_year" between 1990 and 2100),
	CONSTRAINT "fiscal_years_starts" CHECK ("fiscal_years"."starts_on" = make_date("fiscal_years"."start_year", 4, 1)),
	CONSTRAINT "fiscal_years_ends" CHECK ("fiscal_years"."ends_on" = make_date("fiscal_years"."start_year" + 1, 3, 31))
);
--> statement-breakpoint
CREATE TABLE "programmes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name_en" text NOT NULL,
	"name_fr" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"parent_id" uuid,
	"starts_on" date,
	"ends_on" date,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programmes_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "disbursements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"funding_line_id" uuid NOT NULL,
	"scheduled_payment_id" uuid,
	"paid_on" date NOT NULL,
	"fiscal_year" integer NOT NULL,
	"fiscal_quarter" smallint NOT NULL,
	"amount" bigint NOT NULL,
	"currency" char(3) NOT NULL,
	"amount_cad" bigint NOT NULL,
	"reference" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"reverses_id" uuid,
	"reason" text,
	"recorded_by_id" uuid,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "disbursements_reversesId_unique" UNIQUE("reverses_id"),
	CONSTRAINT "disbursements_idempotency_unique" UNIQUE("grant_id","idempotency_key"),
	CONSTRAINT "disbursements_amount_nonzero" CHECK ("disbursements"."amount" <> 0),
	CONSTRAINT "disbursements_reversal_shape" CHECK (("disbursements"."amount" < 0) = ("disbursements"."reverses_id" is not null)),
	CONSTRAINT "disbursements_reversal_reason" CHECK ("disbursements"."reverses_id" is null or length(trim("disbursements"."reason")) > 0),
	CONSTRAINT "disbursements_quarter" CHECK ("disbursements"."fiscal_quarter" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "funding_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"allocation_id" uuid NOT NULL,
	"amount" bigint NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_lines_grant_allocation_unique" UNIQUE("grant_id","allocation_id"),
	CONSTRAINT "funding_lines_amount_positive" CHECK ("funding_lines"."amount" > 0),
	CONSTRAINT "funding_lines_disbursed_range" CHECK ("funding_lines"."disbursed" >= 0 and "funding_lines"."disbursed" <= "funding_lines"."amount")
);
--> statement-breakpoint
CREATE TABLE "grant_components" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"amount" bigint NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grant_components_position_unique" UNIQUE("grant_id","position"),
	CONSTRAINT "grant_components_amount_positive" CHECK ("grant_components"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"recipient_id" uuid NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"purpose_en" text DEFAULT '' NOT NULL,
	"purpose_fr" text DEFAULT '' NOT NULL,
	"total_amount" bigint NOT NULL,
	"currency" char(3) DEFAULT 'CAD' NOT NULL,
	"exchange_rate_to_cad" numeric(18, 8) DEFAULT '1' NOT NULL,
	"total_amount_cad" bigint NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" "grant_status" DEFAULT 'draft' NOT NULL,
	"lead_officer_id" uuid,
	"created_by_id" uuid,
	"approved_by_id" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "grants_reference_unique" UNIQUE("reference"),
	CONSTRAINT "grants_total_positive" CHECK ("grants"."total_amount" > 0 and "grants"."total_amount_cad" > 0),
	CONSTRAINT "grants_disbursed_range" CHECK ("grants"."disbursed" >= 0 and "grants"."disbursed" <= "grants"."total_amount"),
	CONSTRAINT "grants_dates" CHECK ("grants"."ends_on" >= "grants"."starts_on"),
	CONSTRAINT "grants_rate_positive" CHECK ("grants"."exchange_rate_to_cad" > 0),
	CONSTRAINT "grants_cad_rate_one" CHECK ("grants"."currency" <> 'CAD' or ("grants"."exchange_rate_to_cad" = 1 and "grants"."total_amount_cad" = "grants"."total_amount")),
	CONSTRAINT "grants_approver_not_creator" CHECK ("grants"."approved_by_id" is null or "grants"."created_by_id" is null or "grants"."approved_by_id" <> "grants"."created_by_id")
);
--> statement-breakpoint
CREATE TABLE "report_attachments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"submission_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_attachments_storageKey_unique" UNIQUE("storage_key"),
	CONSTRAINT "report_attachments_size" CHECK ("report_attachments"."size_bytes" > 0 and "report_attachments"."size_bytes" <= 10485760)
);
--> statement-breakpoint
CREATE TABLE "report_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"requirement_id" uuid NOT NULL,
	"submitted_by_id" uuid NOT NULL,
	"body" text NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decision" "submission_decision",
	"response" text,
	"responded_by_id" uuid,
	"responded_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "reporting_requirements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"kind" "report_kind" NOT NULL,
	"stage" "report_stage" NOT NULL,
	"due_on" date NOT NULL,
	"status" "requirement_status" DEFAULT 'open' NOT NULL,
	"waived_reason" text,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reporting_requirements_waiver_reason" CHECK ("reporting_requirements"."status" <> 'waived' or length(trim("reporting_requirements"."waived_reason")) > 0)
);
--> statement-breakpoint
CREATE TABLE "scheduled_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"sequence" smallint NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"due_on" date NOT NULL,
	"amount" bigint NOT NULL,
	"status" "payment_status" DEFAULT 'planned' NOT NULL,
	"requirement_id" uuid,
	"created_by_id" uuid,
	"approved_by_id" uuid,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_payments_sequence_unique" UNIQUE("grant_id","sequence"),
	CONSTRAINT "scheduled_payments_amount_positive" CHECK ("scheduled_payments"."amount" > 0),
	CONSTRAINT "scheduled_payments_four_eyes" CHECK ("scheduled_payments"."approved_by_id" is null or "scheduled_payments"."created_by_id" is null or "scheduled_payments"."approved_by_id" <> "scheduled_payments"."created_by_id")
);
--> statement-breakpoint
CREATE TABLE "conference_co_hosts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"country_code" char(2),
	"organisation_id" uuid,
	CONSTRAINT "conference_co_hosts_unique" UNIQUE NULLS NOT DISTINCT("conference_id","country_code","organisation_id"),
	CONSTRAINT "conference_co_hosts_one_of" CHECK (("conference_co_hosts"."country_code" is null) <> ("conference_co_hosts"."organisation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "conference_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"title" text NOT NULL,
	"url" text,
	"storage_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_organisations" (
	"conference_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT 'participant' NOT NULL,
	CONSTRAINT "conference_organisations_unique" UNIQUE("conference_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "conference_outcomes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"text_en" text NOT NULL,
	"text_fr" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "conference_participants" (
	"conference_id" uuid NOT NULL,
	"country_code" char(2) NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	CONSTRAINT "conference_participants_unique" UNIQUE("conference_id","country_code")
);
--> statement-breakpoint
CREATE TABLE "conference_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"conference_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"theme_en" text DEFAULT '' NOT NULL,
	"theme_fr" text DEFAULT '' NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	CONSTRAINT "conference_sessions_position_unique" UNIQUE("conference_id","position")
);
--> statement-breakpoint
CREATE TABLE "conferences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slug" text NOT NULL,
	"title_en" text NOT NULL,
	"title_fr" text NOT NULL,
	"description_en" text DEFAULT '' NOT NULL,
	"description_fr" text DEFAULT '' NOT NULL,
	"city" text NOT NULL,
	"country_code" char(2) NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"grant_id" uuid,
	"allocation_id" uuid,
	"direct_cost" bigint,
	"currency" char(3) DEFAULT 'CAD' NOT NULL,
	"provenance" "provenance" DEFAULT 'entered' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conferences_slug_unique" UNIQUE("slug"),
	CONSTRAINT "conferences_dates" CHECK ("conferences"."ends_on" >= "conferences"."starts_on"),
	CONSTRAINT "conferences_direct_cost" CHECK ("conferences"."direct_cost" is null or ("conferences"."direct_cost" > 0 and "conferences"."allocation_id" is not null)),
	CONSTRAINT "conferences_one_funding" CHECK (not ("conferences"."grant_id" is not null and "conferences"."direct_cost" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_role" "user_role",
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
ALTER TABLE "mine_producers" ADD CONSTRAINT "mine_producers_iso2_countries_iso2_fk" FOREIGN KEY ("iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stockpile_destructions" ADD CONSTRAINT "stockpile_destructions_iso2_countries_iso2_fk" FOREIGN KEY ("iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "treaty_status" ADD CONSTRAINT "treaty_status_iso2_countries_iso2_fk" FOREIGN KEY ("iso2") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_relations" ADD CONSTRAINT "organisation_relations_from_organisation_id_organisations_id_fk" FOREIGN KEY ("from_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_relations" ADD CONSTRAINT "organisation_relations_to_organisation_id_organisations_id_fk" FOREIGN KEY ("to_organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_country_code_countries_iso2_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partnerships" ADD CONSTRAINT "partnerships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_programmes" ADD CONSTRAINT "officer_programmes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "officer_programmes" ADD CONSTRAINT "officer_programmes_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_identities" ADD CONSTRAINT "user_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_programme_id_programmes_id_fk" FOREIGN KEY ("programme_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_fiscal_year_fiscal_years_start_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("start_year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_parent_id_programmes_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."programmes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_funding_line_id_funding_lines_id_fk" FOREIGN KEY ("funding_line_id") REFERENCES "public"."funding_lines"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_scheduled_payment_id_scheduled_payments_id_fk" FOREIGN KEY ("scheduled_payment_id") REFERENCES "public"."scheduled_payments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_fiscal_year_fiscal_years_start_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("start_year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_reverses_id_disbursements_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."disbursements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD CONSTRAINT "disbursements_recorded_by_id_users_id_fk" FOREIGN KEY ("recorded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_lines" ADD CONSTRAINT "funding_lines_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_components" ADD CONSTRAINT "grant_components_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_recipient_id_organisations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_lead_officer_id_users_id_fk" FOREIGN KEY ("lead_officer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grants" ADD CONSTRAINT "grants_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_attachments" ADD CONSTRAINT "report_attachments_submission_id_report_submissions_id_fk" FOREIGN KEY ("submission_id") REFERENCES "public"."report_submissions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_requirement_id_reporting_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."reporting_requirements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_submitted_by_id_users_id_fk" FOREIGN KEY ("submitted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_submissions" ADD CONSTRAINT "report_submissions_responded_by_id_users_id_fk" FOREIGN KEY ("responded_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_requirements" ADD CONSTRAINT "reporting_requirements_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_payments" ADD CONSTRAINT "scheduled_payments_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_payments" ADD CONSTRAINT "scheduled_payments_requirement_id_reporting_requirements_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."reporting_requirements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_payments" ADD CONSTRAINT "scheduled_payments_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_payments" ADD CONSTRAINT "scheduled_payments_approved_by_id_users_id_fk" FOREIGN KEY ("approved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_co_hosts" ADD CONSTRAINT "conference_co_hosts_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_co_hosts" ADD CONSTRAINT "conference_co_hosts_country_code_countries_iso2_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_co_hosts" ADD CONSTRAINT "conference_co_hosts_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_documents" ADD CONSTRAINT "conference_documents_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_organisations" ADD CONSTRAINT "conference_organisations_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_organisations" ADD CONSTRAINT "conference_organisations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_outcomes" ADD CONSTRAINT "conference_outcomes_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_participants" ADD CONSTRAINT "conference_participants_country_code_countries_iso2_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conference_sessions" ADD CONSTRAINT "conference_sessions_conference_id_conferences_id_fk" FOREIGN KEY ("conference_id") REFERENCES "public"."conferences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_country_code_countries_iso2_fk" FOREIGN KEY ("country_code") REFERENCES "public"."countries"("iso2") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conferences" ADD CONSTRAINT "conferences_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "organisation_relations_to_idx" ON "organisation_relations" USING btree ("to_organisation_id");--> statement-breakpoint
CREATE INDEX "memberships_org_idx" ON "memberships" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "user_identities_user_idx" ON "user_identities" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "disbursements_grant_idx" ON "disbursements" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "disbursements_fiscal_idx" ON "disbursements" USING btree ("fiscal_year","fiscal_quarter");--> statement-breakpoint
CREATE INDEX "funding_lines_allocation_idx" ON "funding_lines" USING btree ("allocation_id");--> statement-breakpoint
CREATE INDEX "grants_recipient_idx" ON "grants" USING btree ("recipient_id");--> statement-breakpoint
CREATE INDEX "grants_status_idx" ON "grants" USING btree ("status");--> statement-breakpoint
CREATE INDEX "report_submissions_requirement_idx" ON "report_submissions" USING btree ("requirement_id");--> statement-breakpoint
CREATE INDEX "reporting_requirements_grant_idx" ON "reporting_requirements" USING btree ("grant_id");--> statement-breakpoint
CREATE INDEX "conference_participants_country_idx" ON "conference_participants" USING btree ("country_code");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id");