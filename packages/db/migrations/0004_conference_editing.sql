ALTER TABLE "conference_documents" ADD COLUMN "position" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_outcomes" ADD COLUMN "position" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "conferences" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "conference_co_hosts_organisation_idx" ON "conference_co_hosts" USING btree ("organisation_id");--> statement-breakpoint
CREATE INDEX "conference_organisations_organisation_idx" ON "conference_organisations" USING btree ("organisation_id");