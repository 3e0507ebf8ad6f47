-- Its journal `when` comes after 0022's: both were written side by side, and drizzle applies only migrations newer
-- than the newest one a database has, so a database already at 0022 would never get this one otherwise.
-- The grant list's total and its filters' choices are read on every view; at 1M disbursements the exact count alone
-- scans every visible grant (~20 ms). The services keep them per scope and filters while this one number is
-- unchanged (services/grants/grant-list-cache.ts), and triggers bump it whenever a row they depend on changes.
CREATE TABLE "grant_list_version" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "grant_list_version_one_row" CHECK ("grant_list_version"."id")
);--> statement-breakpoint
INSERT INTO "grant_list_version" DEFAULT VALUES;--> statement-breakpoint
-- The apps' role may bump the number (through the triggers, which run as the writer), never remove the row: without
-- it no write would be seen and cached totals would go stale.
REVOKE INSERT, DELETE, TRUNCATE ON "grant_list_version" FROM portal_runtime;--> statement-breakpoint
-- Once per transaction (the flag is transaction-local), and from deferred triggers, so at commit: the row is locked
-- after everything else the transaction locked and only until it commits, so two writers never deadlock on it and
-- never wait for each other longer than a commit. The count and the number are read in one statement (one
-- snapshot), so a count is never filed under a number its rows do not belong to.
CREATE FUNCTION bump_grant_list_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('portal.grant_list_version_bumped', true) IS DISTINCT FROM 'on' THEN
    UPDATE grant_list_version SET version = version + 1;
    PERFORM set_config('portal.grant_list_version_bumped', 'on', true);
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- TRUNCATE has no row triggers: bumped at once (tests and restores; rare).
CREATE FUNCTION bump_grant_list_version_now() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE grant_list_version SET version = version + 1;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_grants_rows AFTER INSERT OR DELETE ON grants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
-- Not on every update: a payment moves grants.disbursed, which neither the count nor the choices read.
CREATE CONSTRAINT TRIGGER grant_list_version_grants_update AFTER UPDATE OF status, recipient_id, search_text ON grants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.recipient_id IS DISTINCT FROM NEW.recipient_id
    OR OLD.search_text IS DISTINCT FROM NEW.search_text)
  EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_funding_lines_rows AFTER INSERT OR DELETE ON funding_lines
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_funding_lines_update AFTER UPDATE OF grant_id, allocation_id
  ON funding_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.grant_id IS DISTINCT FROM NEW.grant_id OR OLD.allocation_id IS DISTINCT FROM NEW.allocation_id)
  EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_allocations_rows AFTER INSERT OR DELETE ON allocations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_allocations_update AFTER UPDATE OF programme_id, fiscal_year
  ON allocations DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.programme_id IS DISTINCT FROM NEW.programme_id OR OLD.fiscal_year IS DISTINCT FROM NEW.fiscal_year)
  EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_programmes AFTER INSERT OR DELETE OR UPDATE ON programmes
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_fiscal_years AFTER INSERT OR DELETE ON fiscal_years
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_organisations_rows AFTER INSERT OR DELETE ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_organisations_update
  AFTER UPDATE OF acronym, legal_name_en, legal_name_fr, country_code ON organisations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.acronym IS DISTINCT FROM NEW.acronym OR OLD.legal_name_en IS DISTINCT FROM NEW.legal_name_en
    OR OLD.legal_name_fr IS DISTINCT FROM NEW.legal_name_fr OR OLD.country_code IS DISTINCT FROM NEW.country_code)
  EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_countries AFTER INSERT OR DELETE OR UPDATE ON countries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_officer_programmes AFTER INSERT OR DELETE OR UPDATE
  ON officer_programmes DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_list_version_users_access AFTER UPDATE OF outside_programme_access ON users
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.outside_programme_access IS DISTINCT FROM NEW.outside_programme_access)
  EXECUTE FUNCTION bump_grant_list_version();--> statement-breakpoint
CREATE TRIGGER grant_list_version_grants_truncate AFTER TRUNCATE ON grants
  FOR EACH STATEMENT EXECUTE FUNCTION bump_grant_list_version_now();--> statement-breakpoint
CREATE TRIGGER grant_list_version_funding_lines_truncate AFTER TRUNCATE ON funding_lines
  FOR EACH STATEMENT EXECUTE FUNCTION bump_grant_list_version_now();--> statement-breakpoint
CREATE TRIGGER grant_list_version_organisations_truncate AFTER TRUNCATE ON organisations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_grant_list_version_now();--> statement-breakpoint
CREATE TRIGGER grant_list_version_officer_programmes_truncate AFTER TRUNCATE ON officer_programmes
  FOR EACH STATEMENT EXECUTE FUNCTION bump_grant_list_version_now();
