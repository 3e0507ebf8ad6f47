CREATE TYPE "public"."amendment_status" AS ENUM('pending', 'approved', 'rejected', 'withdrawn');--> statement-breakpoint
CREATE TABLE "grant_amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"grant_id" uuid NOT NULL,
	"number" smallint,
	"status" "amendment_status" DEFAULT 'pending' NOT NULL,
	"reason" text NOT NULL,
	"request" jsonb NOT NULL,
	"changes" jsonb NOT NULL,
	"proposed_by_id" uuid NOT NULL,
	"proposed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"decided_by_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	CONSTRAINT "grant_amendments_number_unique" UNIQUE("grant_id","number"),
	CONSTRAINT "grant_amendments_reason" CHECK (length(trim("grant_amendments"."reason")) > 0),
	CONSTRAINT "grant_amendments_numbered_when_approved" CHECK (("grant_amendments"."status" = 'approved') = ("grant_amendments"."number" is not null)),
	CONSTRAINT "grant_amendments_decided" CHECK (("grant_amendments"."status" = 'pending') = ("grant_amendments"."decided_at" is null)),
	CONSTRAINT "grant_amendments_four_eyes" CHECK ("grant_amendments"."status" <> 'approved' or ("grant_amendments"."decided_by_id" is not null and "grant_amendments"."decided_by_id" <> "grant_amendments"."proposed_by_id")),
	CONSTRAINT "grant_amendments_withdrawn_by_proposer" CHECK ("grant_amendments"."status" <> 'withdrawn' or "grant_amendments"."decided_by_id" = "grant_amendments"."proposed_by_id")
);
--> statement-breakpoint
ALTER TABLE "grant_amendments" ADD CONSTRAINT "grant_amendments_grant_id_grants_id_fk" FOREIGN KEY ("grant_id") REFERENCES "public"."grants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_amendments" ADD CONSTRAINT "grant_amendments_proposed_by_id_users_id_fk" FOREIGN KEY ("proposed_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grant_amendments" ADD CONSTRAINT "grant_amendments_decided_by_id_users_id_fk" FOREIGN KEY ("decided_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grant_amendments_one_pending" ON "grant_amendments" USING btree ("grant_id") WHERE "grant_amendments"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "grant_amendments_grant_idx" ON "grant_amendments" USING btree ("grant_id","proposed_at");--> statement-breakpoint
CREATE INDEX "grant_amendments_proposed_by_idx" ON "grant_amendments" USING btree ("proposed_by_id");--> statement-breakpoint
CREATE INDEX "grant_amendments_decided_by_idx" ON "grant_amendments" USING btree ("decided_by_id");--> statement-breakpoint
-- A decided amendment is history: only a pending one may change (to its decision), and none is ever removed.
CREATE FUNCTION refuse_decided_amendment_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'grant_amendments: a decided amendment is history; % refused', TG_OP USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER grant_amendments_history BEFORE UPDATE OR DELETE ON grant_amendments
  FOR EACH ROW EXECUTE FUNCTION refuse_decided_amendment_change();
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON grant_amendments FROM portal_runtime;
