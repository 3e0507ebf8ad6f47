CREATE TABLE "invitations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"role" "user_role" NOT NULL,
	"organisation_id" uuid,
	"capabilities" "membership_capability"[] DEFAULT '{view}' NOT NULL,
	"token_hash" text NOT NULL,
	"invited_by_id" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_user_id" uuid,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "invitations_tokenHash_unique" UNIQUE("token_hash"),
	CONSTRAINT "invitations_email_lowercase" CHECK ("invitations"."email" = lower("invitations"."email")),
	CONSTRAINT "invitations_partner_has_org" CHECK ("invitations"."role" <> 'partner' or "invitations"."organisation_id" is not null)
);
--> statement-breakpoint
CREATE TABLE "attachment_contents" (
	"storage_key" text PRIMARY KEY NOT NULL,
	"content" "bytea" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "report_submissions" ADD COLUMN "provenance" "provenance" DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_co_hosts" ADD COLUMN "provenance" "provenance" DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_organisations" ADD COLUMN "provenance" "provenance" DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_outcomes" ADD COLUMN "provenance" "provenance" DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "conference_sessions" ADD COLUMN "provenance" "provenance" DEFAULT 'entered' NOT NULL;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_invited_by_id_users_id_fk" FOREIGN KEY ("invited_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_accepted_user_id_users_id_fk" FOREIGN KEY ("accepted_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment_contents" ADD CONSTRAINT "attachment_contents_storage_key_report_attachments_storage_key_fk" FOREIGN KEY ("storage_key") REFERENCES "public"."report_attachments"("storage_key") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "invitations_email_idx" ON "invitations" USING btree ("email");