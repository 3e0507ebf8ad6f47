-- Least privilege for the apps. Migrations run as the owner of the schema; the apps connect as a login role that is a
-- member of portal_runtime, which may read and write rows but owns nothing: it cannot ALTER, DROP or disable the
-- triggers that keep the ledgers append-only, and (not being a superuser, with no SET privilege granted on it) cannot
-- change session_replication_role. DEPLOYING.md shows how a DBA creates the roles; creating portal_runtime here is a
-- convenience that needs CREATEROLE and is skipped when the role exists already.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'portal_runtime') THEN
    CREATE ROLE portal_runtime NOLOGIN;
  END IF;
EXCEPTION WHEN duplicate_object THEN
  NULL; -- another database of this cluster created it at the same moment
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portal_runtime;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portal_runtime;
--> statement-breakpoint
GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO portal_runtime;
--> statement-breakpoint
-- History is written once: rows may be added and read, never changed or removed (the triggers say the same).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events, disbursements FROM portal_runtime;
--> statement-breakpoint
-- Tables and sequences that later migrations create (as this same owner) are covered without a grant of their own;
-- a later append-only table revokes UPDATE and DELETE in its own migration, as above.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portal_runtime;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO portal_runtime;
--> statement-breakpoint
-- Readiness (/api/ready) compares the applied migrations with the ones the build ships.
GRANT USAGE ON SCHEMA drizzle TO portal_runtime;
--> statement-breakpoint
GRANT SELECT ON drizzle.__drizzle_migrations TO portal_runtime;
