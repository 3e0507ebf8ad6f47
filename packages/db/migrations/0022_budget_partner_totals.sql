-- The budget review's partners (issue 14): committed and disbursed per recipient summed every funding line of the
-- fiscal year with its grant (1,500 lines at 1M disbursements, 100 times the 10k figure); they now read one running
-- total per allocation and recipient, kept exact by the triggers below in the same transaction as the change.
CREATE TABLE "allocation_partner_totals" (
	"allocation_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"funded" bigint DEFAULT 0 NOT NULL,
	"committed" bigint DEFAULT 0 NOT NULL,
	"disbursed" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "allocation_partner_totals_pk" PRIMARY KEY("allocation_id","recipient_id")
);
--> statement-breakpoint
ALTER TABLE "allocation_partner_totals" ADD CONSTRAINT "allocation_partner_totals_allocation_id_allocations_id_fk" FOREIGN KEY ("allocation_id") REFERENCES "public"."allocations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "allocation_partner_totals" ADD CONSTRAINT "allocation_partner_totals_recipient_id_organisations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "allocation_partner_totals_allocation_idx" ON "allocation_partner_totals" USING btree ("allocation_id") INCLUDE ("recipient_id","funded","committed","disbursed");--> statement-breakpoint
-- Signed contributions (allocation, recipient, funded, committed, disbursed) summed per total, those that change it.
CREATE FUNCTION allocation_partner_sums(deltas jsonb)
  RETURNS TABLE (allocation_id uuid, recipient_id uuid, funded bigint, committed bigint, disbursed bigint)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (
    SELECT (d ->> 'allocation_id')::uuid, (d ->> 'recipient_id')::uuid, sum((d ->> 'funded')::bigint)::bigint,
           sum((d ->> 'committed')::bigint)::bigint, sum((d ->> 'disbursed')::bigint)::bigint
    FROM jsonb_array_elements(deltas) d GROUP BY 1, 2
  ) s(allocation_id, recipient_id, funded, committed, disbursed)
  WHERE (s.funded, s.committed, s.disbursed) <> (0, 0, 0)
$$;--> statement-breakpoint
-- Adds contributions to the totals. The allocations are locked first, in id order: every ledger write locks an
-- allocation before its totals here (a disbursement updates its allocation after its funding line, an approval locks
-- its allocations before the grant), so two writers never wait on each other's totals and allocations the other way
-- round. A total back at zero (no line left: amounts are positive) is removed.
CREATE FUNCTION allocation_partner_totals_add(deltas jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM allocations WHERE id IN (SELECT s.allocation_id FROM allocation_partner_sums(deltas) s)
  ORDER BY id FOR UPDATE;
  INSERT INTO allocation_partner_totals AS t (allocation_id, recipient_id, funded, committed, disbursed)
  SELECT * FROM allocation_partner_sums(deltas) ORDER BY 1, 2
  ON CONFLICT (allocation_id, recipient_id) DO UPDATE
    SET funded = t.funded + excluded.funded, committed = t.committed + excluded.committed,
        disbursed = t.disbursed + excluded.disbursed;
  DELETE FROM allocation_partner_totals t USING allocation_partner_sums(deltas) s
  WHERE (t.allocation_id, t.recipient_id) = (s.allocation_id, s.recipient_id)
    AND (t.funded, t.committed, t.disbursed) = (0, 0, 0);
END $$;--> statement-breakpoint
-- One funding line's contribution, valued with its grant as it is now (sign -1 to take it away).
CREATE FUNCTION allocation_partner_delta(allocation_id uuid, recipient_id uuid, status grant_status, amount bigint,
                                         disbursed bigint, sign int) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
  SELECT jsonb_build_object('allocation_id', allocation_id, 'recipient_id', recipient_id, 'funded', sign * amount,
                            'committed', sign * committed_amount(status, amount, disbursed), 'disbursed', sign * disbursed)
$$;--> statement-breakpoint
-- Funding lines inserted, updated (a disbursement's running total, an amendment's amount or allocation) or deleted:
-- once per statement, so a bulk load costs one upsert per allocation and recipient. A line deleted with its grant
-- finds no grant here: the grant's own trigger took its lines away before the delete.
CREATE FUNCTION allocation_partner_totals_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb := '[]';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || coalesce((SELECT jsonb_agg(allocation_partner_delta(o.allocation_id, g.recipient_id, g.status,
                                                                            o.amount, o.disbursed, -1))
                                  FROM old_lines o JOIN grants g ON g.id = o.grant_id), '[]');
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || coalesce((SELECT jsonb_agg(allocation_partner_delta(n.allocation_id, g.recipient_id, g.status,
                                                                            n.amount, n.disbursed, 1))
                                  FROM new_lines n JOIN grants g ON g.id = n.grant_id), '[]');
  END IF;
  IF jsonb_array_length(deltas) > 0 THEN
    PERFORM allocation_partner_totals_add(deltas);
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER funding_lines_partner_totals_insert AFTER INSERT ON funding_lines
  REFERENCING NEW TABLE AS new_lines FOR EACH STATEMENT EXECUTE FUNCTION allocation_partner_totals_lines();--> statement-breakpoint
CREATE TRIGGER funding_lines_partner_totals_update AFTER UPDATE ON funding_lines
  REFERENCING OLD TABLE AS old_lines NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION allocation_partner_totals_lines();--> statement-breakpoint
CREATE TRIGGER funding_lines_partner_totals_delete AFTER DELETE ON funding_lines
  REFERENCING OLD TABLE AS old_lines FOR EACH STATEMENT EXECUTE FUNCTION allocation_partner_totals_lines();--> statement-breakpoint
-- A grant whose status (what its lines commit) or recipient changes moves its lines' contributions; a grant deleted
-- takes them away before its lines go with it (ON DELETE CASCADE).
CREATE FUNCTION allocation_partner_totals_grant() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas jsonb;
BEGIN
  SELECT jsonb_agg(d) INTO deltas FROM funding_lines fl
  CROSS JOIN LATERAL (
    SELECT allocation_partner_delta(fl.allocation_id, OLD.recipient_id, OLD.status, fl.amount, fl.disbursed, -1)
    UNION ALL
    SELECT allocation_partner_delta(fl.allocation_id, NEW.recipient_id, NEW.status, fl.amount, fl.disbursed, 1)
    WHERE TG_OP = 'UPDATE'
  ) x(d)
  WHERE fl.grant_id = OLD.id;
  IF deltas IS NOT NULL THEN
    PERFORM allocation_partner_totals_add(deltas);
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;--> statement-breakpoint
CREATE TRIGGER grants_partner_totals AFTER UPDATE OF status, recipient_id ON grants
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.recipient_id IS DISTINCT FROM NEW.recipient_id)
  EXECUTE FUNCTION allocation_partner_totals_grant();--> statement-breakpoint
CREATE TRIGGER grants_partner_totals_delete BEFORE DELETE ON grants
  FOR EACH ROW EXECUTE FUNCTION allocation_partner_totals_grant();--> statement-breakpoint
INSERT INTO allocation_partner_totals (allocation_id, recipient_id, funded, committed, disbursed)
SELECT fl.allocation_id, g.recipient_id, sum(fl.amount), sum(committed_amount(g.status, fl.amount, fl.disbursed)),
       sum(fl.disbursed)
FROM funding_lines fl JOIN grants g ON g.id = fl.grant_id
GROUP BY 1, 2;
--> statement-breakpoint
-- The programmes funding a grant (those of its lines' allocations, sorted, none for a grant without lines), kept here
-- by the database as first_fiscal_year is (0009). An officer manages a grant when this is contained in their
-- programmes (grant-scope.ts); with their programmes as a constant, the planner sees from this column's statistics
-- how many grants that is, and an officer of one programme among many reads their few grants through the GIN index
-- where the dashboard used to walk every instalment and report of the portfolio checking each one's funding lines.
ALTER TABLE "grants" ADD COLUMN "programme_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE FUNCTION refresh_grant_programme_ids(gid uuid) RETURNS void LANGUAGE sql AS $$
  UPDATE grants g SET programme_ids = p.ids
  FROM (SELECT coalesce(array_agg(DISTINCT a.programme_id ORDER BY a.programme_id), '{}') AS ids
        FROM funding_lines fl JOIN allocations a ON a.id = fl.allocation_id WHERE fl.grant_id = gid) p
  WHERE g.id = gid AND g.programme_ids IS DISTINCT FROM p.ids
$$;--> statement-breakpoint
CREATE FUNCTION funding_lines_programme_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM refresh_grant_programme_ids(OLD.grant_id); END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM refresh_grant_programme_ids(NEW.grant_id); END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER funding_lines_programme_ids AFTER INSERT OR DELETE OR UPDATE OF grant_id, allocation_id
  ON funding_lines FOR EACH ROW EXECUTE FUNCTION funding_lines_programme_ids();--> statement-breakpoint
CREATE FUNCTION allocations_programme_ids() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_grant_programme_ids(fl.grant_id) FROM funding_lines fl WHERE fl.allocation_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER allocations_programme_ids AFTER UPDATE OF programme_id ON allocations
  FOR EACH ROW WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id) EXECUTE FUNCTION allocations_programme_ids();--> statement-breakpoint
UPDATE grants g SET programme_ids = p.ids
FROM (SELECT fl.grant_id, array_agg(DISTINCT a.programme_id ORDER BY a.programme_id) AS ids
      FROM funding_lines fl JOIN allocations a ON a.id = fl.allocation_id GROUP BY fl.grant_id) p
WHERE g.id = p.grant_id;--> statement-breakpoint
CREATE INDEX "grants_programme_ids_idx" ON "grants" USING gin ("programme_ids");
