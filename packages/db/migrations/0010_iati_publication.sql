CREATE TABLE "iati_publications" (
	"grant_id" uuid PRIMARY KEY NOT NULL,
	"first_published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_by_id" uuid
);
--> statement-breakpoint
ALTER TABLE "iati_publications" ADD CONSTRAINT "iati_publications_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "iati_publications" ADD CONSTRAINT "iati_publications_published_by_id_users_id_fk" FOREIGN KEY ("published_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "iati_publications_published_by_idx" ON "iati_publications" USING btree ("published_by_id");