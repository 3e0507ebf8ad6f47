/**
 * A ministry-sized portfolio generated in plain SQL on top of the demo seed, with every constraint and trigger on:
 * 400 more organisations, five programmes with allocations for FY 1997-2024, and grants of 100,000 cents each funded
 * by two lines, with four instalments, two reporting requirements and 50 disbursements (one grant in 100 also has a
 * reversal). Submitted grants have none paid; one grant in 40 goes to Mines Action Canada, so the partner's workspace
 * grows with the portfolio. Running totals are set from the facts, then checked against the ledger views; the ones
 * the database keeps itself (budget and recipient totals, each grant's programmes, the recipient copied onto
 * instalments, reports and disbursements) follow every statement through their triggers and are checked likewise.
 */
import type { Database } from "@portal/db";
import { sql } from "drizzle-orm";

export const DISBURSEMENTS_PER_GRANT = 50;

export interface ScaleCounts {
  grants: number;
  fundingLines: number;
  scheduledPayments: number;
  disbursements: number;
  organisations: number;
}

export async function generateScaleData(db: Database, targetDisbursements: number): Promise<ScaleCounts> {
  // One grant in 20 is submitted (nothing paid), so round up to reach the target with the others.
  const grantCount = Math.ceil(targetDisbursements / DISBURSEMENTS_PER_GRANT / 0.95);
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      insert into fiscal_years (start_year, label, starts_on, ends_on)
      select y, y || '-' || (y + 1), make_date(y, 4, 1), make_date(y + 1, 3, 31) from generate_series(1997, 2024) y
      on conflict do nothing`);
    await tx.execute(sql`
      insert into organisations (slug, legal_name_en, legal_name_fr, acronym, iati_type, country_code, provenance)
      select 'scale-org-' || o, 'Scale Demining Association ' || o, 'Association de déminage ' || o,
             'SDA' || o, 22, (array['CA','FR','KH','AO','MZ','BA','AF','CO'])[1 + o % 8], 'illustrative'
      from generate_series(1, 400) o`);
    await tx.execute(sql`
      insert into programmes (code, name_en, name_fr, provenance)
      select 'SCALE' || p, 'Scale programme ' || p, 'Programme d''essai ' || p, 'illustrative' from generate_series(0, 4) p`);
    // The demo's Fund officers manage these programmes too (officer scope), so they act on the whole portfolio.
    await tx.execute(sql`
      insert into officer_programmes (user_id, programme_id)
      select u.id, p.id from users u cross join programmes p
      where u.email in ('officer@example.org', 'officer2@example.org') and p.code like 'SCALE%'
      on conflict do nothing`);
    await tx.execute(sql`
      insert into allocations (programme_id, fiscal_year, amount, provenance)
      select p.id, y, 1000000000000, 'illustrative' from programmes p cross join generate_series(1997, 2024) y
      where p.code like 'SCALE%'`);

    await tx.execute(sql`
      create temp table scale_grants on commit drop as
      select i, gen_random_uuid() as id,
             case when i % 20 = 0 then 'submitted' when i % 20 = 1 then 'closed' else 'active' end::grant_status as status,
             1997 + i % 28 as y, least(1997 + i % 28 + 1, 2024) as y2,
             case when i % 40 = 2 then (select id from organisations where slug = 'mac')
                  else (select id from organisations where slug = 'scale-org-' || (1 + i % 400)) end as recipient_id,
             gen_random_uuid() as line_a, gen_random_uuid() as line_b
      from generate_series(1, ${grantCount}) i`);
    await tx.execute(sql`
      insert into grants (id, reference, recipient_id, title_en, title_fr, total_amount, total_amount_cad, starts_on,
                          ends_on, status, created_by_id, provenance)
      select g.id, 'SCALE-' || lpad(g.i::text, 7, '0'), g.recipient_id,
             'Mine clearance in district ' || (g.i % 997) || ', phase ' || g.i,
             'Déminage du district ' || (g.i % 997) || ', phase ' || g.i,
             100000, 100000, make_date(g.y, 4, 1), make_date(g.y2 + 1, 3, 31), g.status,
             (select id from users where email = 'officer2@example.org'), 'illustrative'
      from scale_grants g`);
    await tx.execute(sql`
      insert into grant_components (grant_id, position, title_en, title_fr, amount, provenance)
      select id, 1, 'Clearance', 'Déminage', 100000, 'illustrative' from scale_grants`);
    await tx.execute(sql`
      insert into funding_lines (id, grant_id, allocation_id, amount, provenance)
      select g.line_a, g.id, a.id, 50000, 'illustrative'::provenance from scale_grants g
      join programmes p on p.code = 'SCALE' || (g.i % 5) join allocations a on a.programme_id = p.id and a.fiscal_year = g.y
      union all
      select g.line_b, g.id, a.id, 50000, 'illustrative'::provenance from scale_grants g
      join programmes p on p.code = 'SCALE' || ((g.i + 1) % 5)
      join allocations a on a.programme_id = p.id and a.fiscal_year = g.y2`);
    // 25 payments of $10 from each line, every two weeks from the start of the line's fiscal year.
    await tx.execute(sql`
      insert into disbursements (grant_id, funding_line_id, paid_on, fiscal_year, fiscal_quarter, amount, currency,
                                 amount_cad, reference, idempotency_key, provenance)
      select g.id, case when k <= 25 then g.line_a else g.line_b end, d.paid_on, d.fy,
             ((extract(month from d.paid_on)::int + 8) % 12) / 3 + 1, 1000, 'CAD', 1000,
             'PAY-' || g.i || '-' || k, 'scale-' || k, 'illustrative'
      from scale_grants g cross join generate_series(1, ${DISBURSEMENTS_PER_GRANT}) k
      cross join lateral (select case when k <= 25 then g.y else g.y2 end as fy) f
      cross join lateral (select make_date(f.fy, 4, 1) + ((k - 1) % 25) * 14 as paid_on, f.fy) d
      where g.status <> 'submitted'`);
    await tx.execute(sql`
      insert into disbursements (grant_id, funding_line_id, paid_on, fiscal_year, fiscal_quarter, amount, currency,
                                 amount_cad, reference, idempotency_key, reverses_id, reason, provenance)
      select d.grant_id, d.funding_line_id, d.paid_on, d.fiscal_year, d.fiscal_quarter, -1000, 'CAD', -1000,
             d.reference || '-R', 'scale-reversal', d.id, 'Paid twice', 'illustrative'
      from scale_grants g join disbursements d on d.grant_id = g.id and d.idempotency_key = 'scale-50'
      where g.i % 100 = 3`);
    await tx.execute(sql`
      insert into scheduled_payments (grant_id, sequence, description_en, description_fr, due_on, amount, status,
                                      created_by_id, approved_by_id, provenance)
      select g.id, s, 'Instalment ' || s, 'Versement ' || s, make_date(g.y, 4, 1) + (s - 1) * 90, 25000, st.status,
             (select id from users where email = 'officer@example.org'),
             case when st.status in ('approved', 'paid') then (select id from users where email = 'officer2@example.org') end,
             'illustrative'
      from scale_grants g cross join generate_series(1, 4) s
      cross join lateral (select (case
        when g.status = 'submitted' then 'planned'
        when g.status = 'closed' or s <= 2 then 'paid'
        when s = 3 then (array['due', 'approved', 'planned'])[1 + g.i % 3]
        else 'planned' end)::payment_status as status) st`);
    await tx.execute(sql`
      insert into reporting_requirements (grant_id, kind, stage, due_on, status, provenance)
      select g.id, 'narrative'::report_kind, 'interim'::report_stage, make_date(g.y, 4, 1) + 180,
             (case when g.status = 'closed' then 'accepted' when g.i % 4 = 0 then 'open'
                   when g.i % 4 = 1 then 'submitted' else 'accepted' end)::requirement_status, 'illustrative'::provenance
      from scale_grants g
      union all
      select g.id, 'financial'::report_kind, 'final'::report_stage, make_date(g.y2 + 1, 6, 30),
             (case when g.status = 'closed' then 'accepted' else 'open' end)::requirement_status, 'illustrative'::provenance
      from scale_grants g`);
    await tx.execute(sql`
      insert into report_submissions (requirement_id, submitted_by_id, body, provenance)
      select r.id, (select id from users where email = 'partner@mac.example.org'), 'Interim narrative report',
             'illustrative'
      from reporting_requirements r join scale_grants g on g.id = r.grant_id where r.status = 'submitted'`);

    // Running totals from the facts, in an order the CHECKs accept (lines, then grants, then allocations).
    await tx.execute(sql`
      update funding_lines fl set disbursed = s.total
      from (select d.funding_line_id, sum(d.amount_cad) as total from disbursements d
            join scale_grants g on g.id = d.grant_id group by 1) s
      where fl.id = s.funding_line_id`);
    await tx.execute(sql`
      update grants gr set disbursed = s.total
      from (select d.grant_id, sum(d.amount) as total from disbursements d
            join scale_grants g on g.id = d.grant_id group by 1) s
      where gr.id = s.grant_id`);
    await tx.execute(sql`
      update allocations a set committed = s.committed, disbursed = s.disbursed
      from (select fl.allocation_id, sum(committed_amount(gr.status, fl.amount, fl.disbursed)) as committed,
                   sum(fl.disbursed) as disbursed
            from funding_lines fl join grants gr on gr.id = fl.grant_id
            join scale_grants g on g.id = gr.id group by 1) s
      where a.id = s.allocation_id`);
  });
  await db.execute(sql`vacuum analyze`);
  return countScaleData(db);
}

export async function countScaleData(db: Database): Promise<ScaleCounts> {
  const [counts] = await db.execute<Record<keyof ScaleCounts, string>>(sql`
    select (select count(*) from grants) as grants, (select count(*) from funding_lines) as "fundingLines",
           (select count(*) from scheduled_payments) as "scheduledPayments",
           (select count(*) from disbursements) as disbursements, (select count(*) from organisations) as organisations`);
  return Object.fromEntries(Object.entries(counts!).map(([k, v]) => [k, Number(v)])) as unknown as ScaleCounts;
}

/**
 * Totals per allocation and recipient (allocation_partner_totals) that disagree with the funding-line ledger view
 * summed the same way, either side missing counted: must be none.
 */
export const partnerTotalsDisagreements = sql`select count(*) from (
    select l.allocation_id, g.recipient_id, sum(l.amount) as funded, sum(l.committed) as committed,
           sum(l.disbursed) as disbursed
    from funding_line_ledger l join grants g on g.id = l.grant_id group by 1, 2) v
  full join allocation_partner_totals t using (allocation_id, recipient_id)
  where (v.funded, v.committed, v.disbursed) is distinct from (t.funded, t.committed, t.disbursed)`;

/**
 * Totals per recipient and currency (recipient_totals) that disagree with the same figures recomputed from the
 * grants that are not drafts and the rows under them, either side missing counted, and rows whose copy of their
 * grant's recipient is not the grant's: must be none.
 */
export const recipientTotalsDisagreements = sql`select (select count(*) from (
    select g.recipient_id, g.currency, count(*)::int as grants, sum(g.total_amount)::bigint as funded,
           sum(g.disbursed)::bigint as received,
           sum((select count(*) from disbursements d where d.grant_id = g.id))::bigint as payments,
           sum(p.n)::bigint as upcoming, sum(p.amount)::bigint as upcoming_amount,
           sum(r.in_play)::bigint as reports_in_play, sum(r.due)::bigint as reports_due
    from grants g
    cross join lateral (select count(*) as n, coalesce(sum(sp.amount), 0) as amount from scheduled_payments sp
                        where sp.grant_id = g.id and sp.status in ('planned', 'due', 'approved', 'on_hold')) p
    cross join lateral (select count(*) as in_play, count(*) filter (where rr.status in ('open', 'changes_requested')) as due
                        from reporting_requirements rr where rr.grant_id = g.id
                          and rr.status in ('open', 'changes_requested', 'submitted', 'resubmitted')) r
    where g.status <> 'draft' group by 1, 2) v
  full join recipient_totals t using (recipient_id, currency)
  where (v.grants, v.funded, v.received, v.payments, v.upcoming, v.upcoming_amount, v.reports_in_play, v.reports_due)
        is distinct from (t.grants, t.funded, t.received, t.payments, t.upcoming, t.upcoming_amount, t.reports_in_play,
                          t.reports_due))
  + (select count(*) from scheduled_payments c join grants g on g.id = c.grant_id
     where c.recipient_id is distinct from g.recipient_id)
  + (select count(*) from reporting_requirements c join grants g on g.id = c.grant_id
     where c.recipient_id is distinct from g.recipient_id)
  + (select count(*) from disbursements c join grants g on g.id = c.grant_id
     where c.recipient_id is distinct from g.recipient_id) as count`;

/**
 * Rows where a running total disagrees with the ledger views (or with the grant's disbursements, or the recipients'
 * totals with their rows), or a grant's programmes with its funding lines': must be none.
 */
export async function ledgerDisagreements(db: Database): Promise<number> {
  const [row] = await db.execute<{ n: string }>(sql`
    select (select count(*) from allocations a join allocation_ledger l on l.allocation_id = a.id
            where (a.committed, a.disbursed) is distinct from (l.committed, l.disbursed))
         + (select count(*) from funding_lines fl join funding_line_ledger l on l.funding_line_id = fl.id
            where fl.disbursed <> l.disbursed)
         + (select count(*) from grants g
            where g.disbursed <> coalesce((select sum(d.amount) from disbursements d where d.grant_id = g.id), 0))
         + (${partnerTotalsDisagreements})
         + (${recipientTotalsDisagreements})
         + (select count(*) from grants g where g.programme_ids <> coalesce((
              select array_agg(distinct a.programme_id order by a.programme_id) from funding_lines fl
              join allocations a on a.id = fl.allocation_id where fl.grant_id = g.id), '{}')) as n`);
  return Number(row?.n ?? 0);
}
