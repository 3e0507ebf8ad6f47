-- Reads at a ministry's scale (issue 14). The budget review's "paid by quarter" summed every disbursement of the
-- fiscal year's allocations (37k rows at 1M disbursements); it now reads a running total per allocation and
-- fiscal quarter, kept by triggers in the same transaction as the payment, so it costs the same at any size.
CREATE TABLE "allocation_quarter_totals" (
	"allocation_id" uuid NOT NULL,
	"fiscal_year" integer NOT NULL,
	"fiscal_quarter" smallint NOT NULL,
	"amount_cad" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "allocation_quarter_totals_pk" PRIMARY KEY("allocation_id","fiscal_year","fiscal_quarter")
);
--> statement-breakpoint
ALTER TABLE "allocation_quarter_totals" ADD CONSTRAINT "allocation_quarter_totals_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_quarter_totals" ADD CONSTRAINT "allocation_quarter_totals_fiscal_year_fiscal_years_start_year_fk" FOREIGN KEY ("fiscal_year") REFERENCES "public"."fiscal_years"("start_year") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_quarter_totals_fiscal_year_idx" ON "allocation_quarter_totals" USING btree ("fiscal_year");--> statement-breakpoint
-- Disbursements are append-only (0001), so inserts are the only change to follow: once per statement, grouped, so a
-- bulk load costs one upsert per allocation and quarter rather than one per row.
CREATE FUNCTION allocation_quarter_totals_add() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO allocation_quarter_totals AS t (allocation_id, fiscal_year, fiscal_quarter, amount_cad)
  SELECT fl.allocation_id, i.fiscal_year, i.fiscal_quarter, sum(i.amount_cad)
  FROM inserted i JOIN funding_lines fl ON fl.id = i.funding_line_id
  GROUP BY 1, 2, 3
  ORDER BY 1, 2, 3 -- one lock order for concurrent payments
  ON CONFLICT (allocation_id, fiscal_year, fiscal_quarter) DO UPDATE SET amount_cad = t.amount_cad + excluded.amount_cad;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER disbursements_quarter_totals AFTER INSERT ON disbursements
  REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION allocation_quarter_totals_add();--> statement-breakpoint
-- A funding line moved to another allocation (an amendment re-splitting the funding) takes its payments along:
-- both allocations' quarters are recomputed from the facts.
CREATE FUNCTION allocation_quarter_totals_move() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM allocation_quarter_totals WHERE allocation_id IN (OLD.allocation_id, NEW.allocation_id);
  INSERT INTO allocation_quarter_totals (allocation_id, fiscal_year, fiscal_quarter, amount_cad)
  SELECT fl.allocation_id, d.fiscal_year, d.fiscal_quarter, sum(d.amount_cad)
  FROM funding_lines fl JOIN disbursements d ON d.funding_line_id = fl.id
  WHERE fl.allocation_id IN (OLD.allocation_id, NEW.allocation_id)
  GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER funding_lines_quarter_totals AFTER UPDATE OF allocation_id ON funding_lines
  FOR EACH ROW WHEN (OLD.allocation_id IS DISTINCT FROM NEW.allocation_id)
  EXECUTE FUNCTION allocation_quarter_totals_move();--> statement-breakpoint
INSERT INTO allocation_quarter_totals (allocation_id, fiscal_year, fiscal_quarter, amount_cad)
SELECT fl.allocation_id, d.fiscal_year, d.fiscal_quarter, sum(d.amount_cad)
FROM disbursements d JOIN funding_lines fl ON fl.id = d.funding_line_id
GROUP BY 1, 2, 3;--> statement-breakpoint
-- The review's partners and the drill-down read a fiscal year's funding lines from this index alone.
DROP INDEX "funding_lines_allocation_idx";--> statement-breakpoint
CREATE INDEX "funding_lines_allocation_idx" ON "funding_lines" USING btree ("allocation_id") INCLUDE ("grant_id","amount","disbursed");
--> statement-breakpoint
-- The payments export and the partner workspace walk disbursements newest first: with the columns they show in the
-- index, each keyset batch is read from the index alone instead of one random heap page per payment.
DROP INDEX "disbursements_paid_idx";--> statement-breakpoint
CREATE INDEX "disbursements_paid_idx" ON "disbursements" USING btree ("paid_on","created_at","id") INCLUDE ("grant_id","amount","currency","reference","reverses_id");
