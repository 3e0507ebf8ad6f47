CREATE TYPE "public"."allocation_movement_kind" AS ENUM('opening', 'adjustment', 'transfer_in', 'transfer_out');--> statement-breakpoint
CREATE TABLE "allocation_movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"allocation_id" uuid NOT NULL,
	"kind" "allocation_movement_kind" NOT NULL,
	"amount_before" bigint NOT NULL,
	"amount_after" bigint NOT NULL,
	"reason" text NOT NULL,
	"transfer_id" uuid,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "allocation_movements_reason" CHECK (length(trim("allocation_movements"."reason")) > 0),
	CONSTRAINT "allocation_movements_transfer_shape" CHECK (("allocation_movements"."kind" in ('transfer_in', 'transfer_out')) = ("allocation_movements"."transfer_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "programmes" ADD COLUMN "envelope_amount" bigint;--> statement-breakpoint
ALTER TABLE "allocation_movements" ADD CONSTRAINT "allocation_movements_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_movements" ADD CONSTRAINT "allocation_movements_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_movements_allocation_idx" ON "allocation_movements" USING btree ("allocation_id","created_at");--> statement-breakpoint
CREATE INDEX "allocation_movements_created_by_idx" ON "allocation_movements" USING btree ("created_by_id");--> statement-breakpoint
ALTER TABLE "programmes" ADD CONSTRAINT "programmes_envelope_positive" CHECK ("programmes"."envelope_amount" is null or "programmes"."envelope_amount" > 0);--> statement-breakpoint
-- An allocation's history is evidence, like the ledger: corrections are new movements, never edits.
CREATE TRIGGER allocation_movements_append_only BEFORE UPDATE OR DELETE ON "allocation_movements"
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
