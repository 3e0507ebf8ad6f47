-- THE definition of "committed" (see packages/db/src/schema/ledger.ts): a grant or funding line commits its full
-- amount while approved, active, suspended or closing; once closed or terminated only what was paid stays committed
-- (the undisbursed rest goes back to the allocation); draft, submitted and cancelled commit nothing.
-- The ledger services move allocations.committed by committed_amount(after) - committed_amount(before).
CREATE FUNCTION committed_amount(status grant_status, amount bigint, disbursed bigint) RETURNS bigint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN status IN ('approved', 'active', 'suspended', 'closing') THEN amount
    WHEN status IN ('closed', 'terminated') THEN disbursed
    ELSE 0
  END
$$;
--> statement-breakpoint
-- Each funding line's figures recomputed from the facts (its amount, its grant's status, its disbursements), never
-- from the running totals, so comparing the two finds any drift.
CREATE VIEW funding_line_ledger AS
SELECT fl.id AS funding_line_id,
  fl.grant_id,
  fl.allocation_id,
  fl.amount,
  coalesce(paid.total, 0)::bigint AS disbursed,
  committed_amount(g.status, fl.amount, coalesce(paid.total, 0)::bigint) AS committed
FROM funding_lines fl
JOIN grants g ON g.id = fl.grant_id
LEFT JOIN LATERAL (SELECT sum(d.amount_cad) AS total FROM disbursements d WHERE d.funding_line_id = fl.id) paid ON true;
--> statement-breakpoint
-- A conference's direct cost is committed and spent once charged to an allocation (as the seed records it).
CREATE VIEW allocation_ledger AS
SELECT a.id AS allocation_id,
  (coalesce((SELECT sum(l.committed) FROM funding_line_ledger l WHERE l.allocation_id = a.id), 0)
    + coalesce((SELECT sum(c.direct_cost) FROM conferences c WHERE c.allocation_id = a.id), 0))::bigint AS committed,
  (coalesce((SELECT sum(l.disbursed) FROM funding_line_ledger l WHERE l.allocation_id = a.id), 0)
    + coalesce((SELECT sum(c.direct_cost) FROM conferences c WHERE c.allocation_id = a.id), 0))::bigint AS disbursed
FROM allocations a;
