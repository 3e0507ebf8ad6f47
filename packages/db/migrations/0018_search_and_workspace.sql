-- The grant list's search (issue 14): six ILIKEs over three trigram indexes on grants and three on organisations
-- became one ILIKE over one document per grant (reference, both titles, the recipient's names and acronym, one per
-- line, so a search never matches across two of them), kept by triggers here. Its index has no pending list: grants
-- arrive a few a day, and a search should never walk the ones inserted since the last vacuum one by one.
ALTER TABLE "grants" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE FUNCTION grant_search_text(reference text, title_en text, title_fr text, recipient uuid) RETURNS text
  LANGUAGE sql STABLE AS $$
  SELECT concat_ws(E'\n', reference, title_en, title_fr, o.legal_name_en, o.legal_name_fr, o.acronym)
  FROM organisations o WHERE o.id = recipient
$$;--> statement-breakpoint
CREATE FUNCTION grants_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.search_text := coalesce(grant_search_text(NEW.reference, NEW.title_en, NEW.title_fr, NEW.recipient_id), '');
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER grants_search_text BEFORE INSERT OR UPDATE OF reference, title_en, title_fr, recipient_id
  ON grants FOR EACH ROW EXECUTE FUNCTION grants_search_text();--> statement-breakpoint
-- A renamed organisation is found under its new name in every grant it receives.
CREATE FUNCTION organisations_search_text() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE grants g SET search_text = grant_search_text(g.reference, g.title_en, g.title_fr, g.recipient_id)
  WHERE g.recipient_id = NEW.id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER organisations_search_text AFTER UPDATE OF legal_name_en, legal_name_fr, acronym ON organisations
  FOR EACH ROW WHEN (OLD.legal_name_en IS DISTINCT FROM NEW.legal_name_en
    OR OLD.legal_name_fr IS DISTINCT FROM NEW.legal_name_fr OR OLD.acronym IS DISTINCT FROM NEW.acronym)
  EXECUTE FUNCTION organisations_search_text();--> statement-breakpoint
UPDATE grants g SET search_text = grant_search_text(g.reference, g.title_en, g.title_fr, g.recipient_id);--> statement-breakpoint
CREATE INDEX "grants_search_text_trgm_idx" ON "grants" USING gin ("search_text" gin_trgm_ops) WITH (fastupdate=off);--> statement-breakpoint
-- The partner workspace reads a partner's instalments still to come and reports in play through these, from the
-- index alone: sums and counts without visiting the table, and the soonest 50 picked before anything is joined.
CREATE INDEX "reporting_requirements_in_play_idx" ON "reporting_requirements" USING btree ("grant_id") INCLUDE ("status","due_on","id") WHERE "reporting_requirements"."status" in ('open', 'changes_requested', 'submitted', 'resubmitted');--> statement-breakpoint
CREATE INDEX "scheduled_payments_outstanding_idx" ON "scheduled_payments" USING btree ("grant_id") INCLUDE ("amount","due_on","sequence","id") WHERE "scheduled_payments"."status" in ('planned', 'due', 'approved', 'on_hold');
