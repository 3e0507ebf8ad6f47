-- The partner workspace (issue 14): its sums and counts read every one of the partner's grants, instalments and
-- reports (529, 1,056 and 530 at 1M disbursements against 5 at 10k) and each list sorted all of them for its soonest
-- or newest 50. The figures are now one running total per recipient and currency, kept exact by the triggers below
-- in the writer's own transaction, and each list is read from an index led by the recipient, which the child rows
-- carry as a copy of their grant's (kept by triggers too), so the workspace costs the same for five grants or five
-- hundred. Drafts count nowhere: the partner does not see them.
CREATE TABLE "recipient_totals" (
	"recipient_id" uuid NOT NULL,
	"currency" char(3) NOT NULL,
	"grants" integer DEFAULT 0 NOT NULL,
	"funded" bigint DEFAULT 0 NOT NULL,
	"received" bigint DEFAULT 0 NOT NULL,
	"payments" bigint DEFAULT 0 NOT NULL,
	"upcoming" bigint DEFAULT 0 NOT NULL,
	"upcoming_amount" bigint DEFAULT 0 NOT NULL,
	"reports_in_play" bigint DEFAULT 0 NOT NULL,
	"reports_due" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "recipient_totals_pk" PRIMARY KEY("recipient_id","currency")
);
--> statement-breakpoint
ALTER TABLE "recipient_totals" ADD CONSTRAINT "recipient_totals_recipient_id_organisations_id_fk" FOREIGN KEY ("recipient_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "disbursements" ADD COLUMN "recipient_id" uuid;--> statement-breakpoint
ALTER TABLE "reporting_requirements" ADD COLUMN "recipient_id" uuid;--> statement-breakpoint
ALTER TABLE "scheduled_payments" ADD COLUMN "recipient_id" uuid;--> statement-breakpoint
-- The copies filled before any trigger below exists, then indexed; disbursements' append-only guard (0001) is
-- replaced further down by one that allows this copy.
DROP TRIGGER disbursements_append_only ON disbursements;--> statement-breakpoint
UPDATE disbursements d SET recipient_id = g.recipient_id FROM grants g WHERE g.id = d.grant_id;--> statement-breakpoint
UPDATE scheduled_payments sp SET recipient_id = g.recipient_id FROM grants g WHERE g.id = sp.grant_id;--> statement-breakpoint
UPDATE reporting_requirements rr SET recipient_id = g.recipient_id FROM grants g WHERE g.id = rr.grant_id;--> statement-breakpoint
CREATE INDEX "disbursements_recipient_paid_idx" ON "disbursements" USING btree ("recipient_id","paid_on","created_at","id");--> statement-breakpoint
CREATE INDEX "grants_recipient_starts_idx" ON "grants" USING btree ("recipient_id","starts_on" DESC NULLS FIRST,"reference") WHERE "grants"."status" <> 'draft';--> statement-breakpoint
CREATE INDEX "reporting_requirements_recipient_in_play_idx" ON "reporting_requirements" USING btree ("recipient_id","due_on","id") WHERE "reporting_requirements"."status" in ('open', 'changes_requested', 'submitted', 'resubmitted');--> statement-breakpoint
CREATE INDEX "scheduled_payments_recipient_outstanding_idx" ON "scheduled_payments" USING btree ("recipient_id","due_on","sequence","id") WHERE "scheduled_payments"."status" in ('planned', 'due', 'approved', 'on_hold');--> statement-breakpoint
-- A child row's recipient is its grant's, whatever the writer sent: set on every insert and on any update that
-- touches the grant or the copy (the grant's own trigger below re-copies it when the recipient changes).
CREATE FUNCTION copy_grant_recipient() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.recipient_id := (SELECT g.recipient_id FROM grants g WHERE g.id = NEW.grant_id);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER scheduled_payments_recipient BEFORE INSERT OR UPDATE OF grant_id, recipient_id ON scheduled_payments
  FOR EACH ROW EXECUTE FUNCTION copy_grant_recipient();--> statement-breakpoint
CREATE TRIGGER reporting_requirements_recipient BEFORE INSERT OR UPDATE OF grant_id, recipient_id
  ON reporting_requirements FOR EACH ROW EXECUTE FUNCTION copy_grant_recipient();--> statement-breakpoint
CREATE TRIGGER disbursements_recipient BEFORE INSERT OR UPDATE OF grant_id, recipient_id ON disbursements
  FOR EACH ROW EXECUTE FUNCTION copy_grant_recipient();--> statement-breakpoint
-- Disbursements stay append-only (0001), but for the copy of the recipient: an update may move it to the grant's
-- recipient and change nothing else (the guard runs before the copy, so it sees what the writer sent).
CREATE FUNCTION refuse_disbursement_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND to_jsonb(OLD) - 'recipient_id' = to_jsonb(NEW) - 'recipient_id'
     AND OLD.recipient_id IS DISTINCT FROM NEW.recipient_id
     AND NEW.recipient_id = (SELECT g.recipient_id FROM grants g WHERE g.id = NEW.grant_id) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END $$;--> statement-breakpoint
CREATE TRIGGER disbursements_append_only BEFORE UPDATE OR DELETE ON disbursements
  FOR EACH ROW EXECUTE FUNCTION refuse_disbursement_change();--> statement-breakpoint
CREATE FUNCTION grants_recipient_copies() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE scheduled_payments SET recipient_id = NEW.recipient_id WHERE grant_id = NEW.id;
  UPDATE reporting_requirements SET recipient_id = NEW.recipient_id WHERE grant_id = NEW.id;
  UPDATE disbursements SET recipient_id = NEW.recipient_id WHERE grant_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER grants_recipient_copies AFTER UPDATE OF recipient_id ON grants
  FOR EACH ROW WHEN (OLD.recipient_id IS DISTINCT FROM NEW.recipient_id) EXECUTE FUNCTION grants_recipient_copies();--> statement-breakpoint
-- One grant's signed contribution to its recipient's totals (none for a draft). `whole` adds its payments,
-- instalments to come and reports in play (a grant entering or leaving a total); without it only the grant's own
-- figures (a change of amount or of what was paid). The status lists are the workspace's (partner-workspace.ts) and
-- the partial indexes'.
CREATE TYPE recipient_total_delta AS (grant_id uuid, recipient_id uuid, currency char(3), grants int, funded bigint,
  received bigint, payments bigint, upcoming bigint, upcoming_amount bigint, reports_in_play bigint, reports_due bigint);--> statement-breakpoint
CREATE FUNCTION recipient_total_of(gid uuid, recipient uuid, cur char(3), st grant_status, total bigint, paid bigint,
                                   sign int, whole boolean)
  RETURNS SETOF recipient_total_delta LANGUAGE sql STABLE AS $$
  SELECT gid, recipient, cur, sign, sign * total, sign * paid,
         CASE WHEN whole THEN sign * (SELECT count(*) FROM disbursements d WHERE d.grant_id = gid) ELSE 0 END,
         CASE WHEN whole THEN sign * p.n ELSE 0 END, CASE WHEN whole THEN sign * p.amount ELSE 0 END,
         CASE WHEN whole THEN sign * r.in_play ELSE 0 END, CASE WHEN whole THEN sign * r.due ELSE 0 END
  FROM (SELECT count(*) AS n, coalesce(sum(sp.amount), 0)::bigint AS amount FROM scheduled_payments sp
        WHERE whole AND sp.grant_id = gid AND sp.status IN ('planned', 'due', 'approved', 'on_hold')) p,
       (SELECT count(*) AS in_play, count(*) FILTER (WHERE rr.status IN ('open', 'changes_requested')) AS due
        FROM reporting_requirements rr
        WHERE whole AND rr.grant_id = gid AND rr.status IN ('open', 'changes_requested', 'submitted', 'resubmitted')) r
  WHERE st <> 'draft'
$$;--> statement-breakpoint
-- Contributions summed per total, those that change it.
CREATE FUNCTION recipient_total_sums(deltas recipient_total_delta[])
  RETURNS TABLE (recipient_id uuid, currency char(3), grants int, funded bigint, received bigint, payments bigint,
                 upcoming bigint, upcoming_amount bigint, reports_in_play bigint, reports_due bigint)
  LANGUAGE sql IMMUTABLE AS $$
  SELECT * FROM (
    SELECT d.recipient_id, d.currency, sum(d.grants)::int, sum(d.funded)::bigint, sum(d.received)::bigint,
           sum(d.payments)::bigint, sum(d.upcoming)::bigint, sum(d.upcoming_amount)::bigint,
           sum(d.reports_in_play)::bigint, sum(d.reports_due)::bigint
    FROM unnest(deltas) d GROUP BY 1, 2
  ) s(recipient_id, currency, grants, funded, received, payments, upcoming, upcoming_amount, reports_in_play,
      reports_due)
  WHERE (s.grants, s.funded, s.received, s.payments, s.upcoming, s.upcoming_amount, s.reports_in_play,
         s.reports_due) <> (0, 0, 0, 0, 0, 0, 0, 0)
$$;--> statement-breakpoint
-- Adds contributions to the totals. The allocations funding the grants involved are locked first, in id order, as
-- allocation_partner_totals_add (0022) does: a payment reaches these totals (its disbursement) before it updates its
-- allocation, an approval locks its allocations before it changes the grant's status, and a report or an
-- instalment may be written while a payment on another grant of the same recipient runs; with the allocations
-- first, no two of them wait on each other's totals and allocations the other way round. A total left at zero (its
-- recipient has no grant in that currency) is removed.
CREATE FUNCTION recipient_totals_add(deltas recipient_total_delta[]) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM recipient_total_sums(deltas)) THEN
    RETURN;
  END IF;
  PERFORM 1 FROM allocations WHERE id IN (
    SELECT fl.allocation_id FROM funding_lines fl WHERE fl.grant_id IN (SELECT d.grant_id FROM unnest(deltas) d))
  ORDER BY id FOR UPDATE;
  INSERT INTO recipient_totals AS t (recipient_id, currency, grants, funded, received, payments, upcoming,
                                     upcoming_amount, reports_in_play, reports_due)
  SELECT * FROM recipient_total_sums(deltas) ORDER BY 1, 2
  ON CONFLICT (recipient_id, currency) DO UPDATE
    SET grants = t.grants + excluded.grants, funded = t.funded + excluded.funded,
        received = t.received + excluded.received, payments = t.payments + excluded.payments,
        upcoming = t.upcoming + excluded.upcoming, upcoming_amount = t.upcoming_amount + excluded.upcoming_amount,
        reports_in_play = t.reports_in_play + excluded.reports_in_play, reports_due = t.reports_due + excluded.reports_due;
  DELETE FROM recipient_totals t USING recipient_total_sums(deltas) s
  WHERE (t.recipient_id, t.currency) = (s.recipient_id, s.currency)
    AND (t.grants, t.funded, t.received, t.payments, t.upcoming, t.upcoming_amount, t.reports_in_play,
         t.reports_due) = (0, 0, 0, 0, 0, 0, 0, 0);
END $$;--> statement-breakpoint
-- Grants inserted (nothing under them yet) or updated, once per statement: a grant whose recipient, currency or
-- draftness changes moves its whole contribution, any other change its own figures (total, paid). A grant deleted
-- takes its contribution away before its instalments and reports go with it (ON DELETE CASCADE: their own
-- triggers then find no grant).
CREATE FUNCTION recipient_totals_grants() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas recipient_total_delta[];
BEGIN
  IF TG_OP = 'INSERT' THEN
    deltas := ARRAY(SELECT c FROM new_grants n,
      recipient_total_of(n.id, n.recipient_id, n.currency, n.status, n.total_amount, n.disbursed, 1, false) c);
  ELSIF TG_OP = 'UPDATE' THEN
    deltas := ARRAY(
      SELECT c FROM old_grants o JOIN new_grants n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT (o.recipient_id, o.currency, o.status = 'draft')
                                 IS DISTINCT FROM (n.recipient_id, n.currency, n.status = 'draft') AS moved) m
      CROSS JOIN LATERAL recipient_total_of(o.id, o.recipient_id, o.currency, o.status, o.total_amount, o.disbursed,
                                            -1, m.moved) c
      WHERE (o.recipient_id, o.currency, o.status, o.total_amount, o.disbursed)
            IS DISTINCT FROM (n.recipient_id, n.currency, n.status, n.total_amount, n.disbursed))
    || ARRAY(
      SELECT c FROM old_grants o JOIN new_grants n ON n.id = o.id
      CROSS JOIN LATERAL (SELECT (o.recipient_id, o.currency, o.status = 'draft')
                                 IS DISTINCT FROM (n.recipient_id, n.currency, n.status = 'draft') AS moved) m
      CROSS JOIN LATERAL recipient_total_of(n.id, n.recipient_id, n.currency, n.status, n.total_amount, n.disbursed,
                                            1, m.moved) c
      WHERE (o.recipient_id, o.currency, o.status, o.total_amount, o.disbursed)
            IS DISTINCT FROM (n.recipient_id, n.currency, n.status, n.total_amount, n.disbursed));
  ELSE
    deltas := ARRAY(SELECT c FROM recipient_total_of(OLD.id, OLD.recipient_id, OLD.currency, OLD.status,
                                                     OLD.total_amount, OLD.disbursed, -1, true) c);
  END IF;
  PERFORM recipient_totals_add(deltas);
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD END;
END $$;--> statement-breakpoint
CREATE TRIGGER grants_recipient_totals_insert AFTER INSERT ON grants
  REFERENCING NEW TABLE AS new_grants FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_grants();--> statement-breakpoint
CREATE TRIGGER grants_recipient_totals_update AFTER UPDATE ON grants
  REFERENCING OLD TABLE AS old_grants NEW TABLE AS new_grants
  FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_grants();--> statement-breakpoint
CREATE TRIGGER grants_recipient_totals_delete BEFORE DELETE ON grants
  FOR EACH ROW EXECUTE FUNCTION recipient_totals_grants();--> statement-breakpoint
-- Instalments, reports and disbursements inserted, updated or deleted, once per statement, valued with their grant
-- as it is now (so the copies of a new recipient written above move nothing).
CREATE FUNCTION recipient_totals_instalments() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas recipient_total_delta[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(g.id, g.recipient_id, g.currency, 0, 0, 0, 0, -count(*), -sum(r.amount), 0, 0)::recipient_total_delta
      FROM old_rows r JOIN grants g ON g.id = r.grant_id
      WHERE g.status <> 'draft' AND r.status IN ('planned', 'due', 'approved', 'on_hold') GROUP BY g.id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(g.id, g.recipient_id, g.currency, 0, 0, 0, 0, count(*), sum(r.amount), 0, 0)::recipient_total_delta
      FROM new_rows r JOIN grants g ON g.id = r.grant_id
      WHERE g.status <> 'draft' AND r.status IN ('planned', 'due', 'approved', 'on_hold') GROUP BY g.id);
  END IF;
  PERFORM recipient_totals_add(deltas);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION recipient_totals_reports() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  deltas recipient_total_delta[] := '{}';
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(g.id, g.recipient_id, g.currency, 0, 0, 0, 0, 0, 0, -count(*),
                 -count(*) FILTER (WHERE r.status IN ('open', 'changes_requested')))::recipient_total_delta
      FROM old_rows r JOIN grants g ON g.id = r.grant_id
      WHERE g.status <> 'draft' AND r.status IN ('open', 'changes_requested', 'submitted', 'resubmitted')
      GROUP BY g.id);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    deltas := deltas || ARRAY(
      SELECT ROW(g.id, g.recipient_id, g.currency, 0, 0, 0, 0, 0, 0, count(*),
                 count(*) FILTER (WHERE r.status IN ('open', 'changes_requested')))::recipient_total_delta
      FROM new_rows r JOIN grants g ON g.id = r.grant_id
      WHERE g.status <> 'draft' AND r.status IN ('open', 'changes_requested', 'submitted', 'resubmitted')
      GROUP BY g.id);
  END IF;
  PERFORM recipient_totals_add(deltas);
  RETURN NULL;
END $$;--> statement-breakpoint
-- Disbursements are append-only (0001): only their inserts count.
CREATE FUNCTION recipient_totals_payments() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM recipient_totals_add(ARRAY(
    SELECT ROW(g.id, g.recipient_id, g.currency, 0, 0, 0, count(*), 0, 0, 0, 0)::recipient_total_delta
    FROM new_rows r JOIN grants g ON g.id = r.grant_id WHERE g.status <> 'draft' GROUP BY g.id));
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER scheduled_payments_recipient_totals_insert AFTER INSERT ON scheduled_payments
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_instalments();--> statement-breakpoint
CREATE TRIGGER scheduled_payments_recipient_totals_update AFTER UPDATE ON scheduled_payments
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_instalments();--> statement-breakpoint
CREATE TRIGGER scheduled_payments_recipient_totals_delete AFTER DELETE ON scheduled_payments
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_instalments();--> statement-breakpoint
CREATE TRIGGER reporting_requirements_recipient_totals_insert AFTER INSERT ON reporting_requirements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_reports();--> statement-breakpoint
CREATE TRIGGER reporting_requirements_recipient_totals_update AFTER UPDATE ON reporting_requirements
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_reports();--> statement-breakpoint
CREATE TRIGGER reporting_requirements_recipient_totals_delete AFTER DELETE ON reporting_requirements
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_reports();--> statement-breakpoint
CREATE TRIGGER disbursements_recipient_totals AFTER INSERT ON disbursements
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION recipient_totals_payments();--> statement-breakpoint
-- The totals as they stand, from the facts.
INSERT INTO recipient_totals (recipient_id, currency, grants, funded, received, payments, upcoming, upcoming_amount,
                              reports_in_play, reports_due)
SELECT g.recipient_id, g.currency, count(*), sum(g.total_amount), sum(g.disbursed), coalesce(sum(d.n), 0),
       coalesce(sum(p.n), 0), coalesce(sum(p.amount), 0), coalesce(sum(r.in_play), 0), coalesce(sum(r.due), 0)
FROM grants g
LEFT JOIN (SELECT grant_id, count(*) AS n FROM disbursements GROUP BY 1) d ON d.grant_id = g.id
LEFT JOIN (SELECT grant_id, count(*) AS n, sum(amount) AS amount FROM scheduled_payments
           WHERE status IN ('planned', 'due', 'approved', 'on_hold') GROUP BY 1) p ON p.grant_id = g.id
LEFT JOIN (SELECT grant_id, count(*) AS in_play, count(*) FILTER (WHERE status IN ('open', 'changes_requested')) AS due
           FROM reporting_requirements WHERE status IN ('open', 'changes_requested', 'submitted', 'resubmitted')
           GROUP BY 1) r ON r.grant_id = g.id
WHERE g.status <> 'draft'
GROUP BY 1, 2;
