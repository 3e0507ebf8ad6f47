-- Append-only ledgers: the database refuses to change or remove history, whatever the code does.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
CREATE TRIGGER disbursements_append_only BEFORE UPDATE OR DELETE ON disbursements
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
--> statement-breakpoint
-- Components must add up exactly to the grant total (checked at commit, so a grant and its components can be
-- written in any order inside one transaction). A grant without components is allowed (a draft being written).
CREATE FUNCTION check_components_total() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  gid uuid;
  total bigint;
  parts bigint;
  n int;
BEGIN
  IF TG_TABLE_NAME = 'grants' THEN gid := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN gid := OLD.grant_id;
  ELSE gid := NEW.grant_id;
  END IF;
  SELECT total_amount INTO total FROM grants WHERE id = gid;
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT count(*), coalesce(sum(amount), 0) INTO n, parts FROM grant_components WHERE grant_id = gid;
  IF n > 0 AND parts <> total THEN
    RAISE EXCEPTION 'components of grant % add up to % but the total is %', gid, parts, total
      USING ERRCODE = '23514', CONSTRAINT = 'grant_components_sum_to_total';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grant_components_sum_to_total AFTER INSERT OR UPDATE OR DELETE ON grant_components
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_components_total();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER grants_components_sum_to_total AFTER UPDATE OF total_amount ON grants
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_components_total();
