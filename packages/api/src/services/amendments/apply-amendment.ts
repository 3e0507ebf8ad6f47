import {
  allocations,
  type DbOrTx,
  fundingLines,
  type Grant,
  grantComponents,
  grants,
  reportingRequirements,
  scheduledPayments,
} from "@portal/db";
import { fiscalYearLabel, param } from "@portal/domain";
import { and, eq, sql } from "drizzle-orm";
import { refusal } from "../../errors";
import { lockAllocationsOrThrow } from "../budget-administration/lock-allocations";
import type { AmendmentPlan } from "./plan-amendment";

/** committed_amount (migration 0002, THE definition of committed) of a line after minus before the amendment. */
async function commitmentDelta(tx: DbOrTx, plan: AmendmentPlan, line: AmendmentPlan["lines"][number]) {
  const [row] = (await tx.execute(sql`select (
      committed_amount(${plan.status}::grant_status, ${line.after}::bigint, ${line.disbursed}::bigint)
      - committed_amount(${plan.statusBefore}::grant_status, ${line.before}::bigint, ${line.disbursed}::bigint)
    )::bigint as delta`)) as unknown as [{ delta: string }];
  return Number(row.delta);
}

/**
 * Writes an approved amendment's plan in the caller's transaction, which holds the grant lock. The allocations it
 * draws on are locked in id order (as approvals, adjustments and transfers lock them), each commitment moves by
 * exactly what committed_amount says, and none may take an allocation past its amount ("available" never negative).
 * The database checks the rest at commit: components add up to the total, disbursed never above an amount.
 * A removed component or funding line goes (its before stays in the history); an added one is written as entered.
 */
export async function applyAmendment(tx: DbOrTx, grant: Grant, plan: AmendmentPlan) {
  const deltas = await Promise.all(
    plan.lines.map(async (line) => ({ line, delta: await commitmentDelta(tx, plan, line) })),
  );
  const moving = deltas.filter((d) => d.delta !== 0);
  const ids = [...new Set(moving.map((d) => d.line.allocationId))];
  const locked = ids.length === 0 ? [] : await lockAllocationsOrThrow(tx, ids);
  const commitments = [];
  for (const allocation of locked) {
    const delta = moving.filter((d) => d.line.allocationId === allocation.id).reduce((sum, d) => sum + d.delta, 0);
    const available = allocation.amount - allocation.committed;
    if (delta > available) {
      throw refusal(
        "ALLOCATION_EXCEEDED",
        "amendmentAllocationExceeded",
        {
          programme: allocation.programme,
          fiscalYear: fiscalYearLabel(allocation.fiscalYear),
          available: param.money(available),
          needed: param.money(delta),
        },
        "fundingLines",
      );
    }
    await tx
      .update(allocations)
      .set({ committed: sql`${allocations.committed} + ${delta}` })
      .where(eq(allocations.id, allocation.id));
    commitments.push({
      allocationId: allocation.id,
      programme: allocation.programme,
      fiscalYear: allocation.fiscalYear,
      delta,
    });
  }

  await tx
    .update(grants)
    .set({
      endsOn: plan.endsOn,
      totalAmount: plan.totalAmount,
      totalAmountCad: plan.totalAmountCad,
      status: plan.status,
      // An amendment also invalidates anything opened on the grant before it.
      version: sql`${grants.version} + 1`,
    })
    .where(eq(grants.id, grant.id));
  // Removed first, then re-split, then added (after the last position); the sum is checked at commit.
  for (const { id, amount } of plan.components) {
    if (id && amount === 0) await tx.delete(grantComponents).where(eq(grantComponents.id, id));
  }
  for (const { id, amount } of plan.components) {
    if (id && amount > 0) await tx.update(grantComponents).set({ amount }).where(eq(grantComponents.id, id));
  }
  const added = plan.components.filter((c) => c.id === null);
  if (added.length > 0) {
    await tx.insert(grantComponents).values(
      added.map(({ id: _new, ...component }) => ({
        ...component,
        grantId: grant.id,
        provenance: "entered" as const,
      })),
    );
  }
  for (const line of plan.lines) {
    if (line.before === line.after) continue;
    if (!line.id) {
      await tx.insert(fundingLines).values({ grantId: grant.id, allocationId: line.allocationId, amount: line.after });
    } else if (line.after === 0) {
      await tx.delete(fundingLines).where(and(eq(fundingLines.id, line.id), eq(fundingLines.disbursed, 0)));
    } else {
      await tx.update(fundingLines).set({ amount: line.after }).where(eq(fundingLines.id, line.id));
    }
  }
  for (const payment of plan.payments) {
    await tx
      .update(scheduledPayments)
      .set({
        dueOn: payment.dueOn,
        amount: payment.amount,
        // An approval was for the old amount: a changed instalment is approved again, by someone other than its creator.
        ...(payment.amountChanged
          ? {
              status: sql`case when ${scheduledPayments.status} = 'approved' then 'due'::payment_status else ${scheduledPayments.status} end`,
              approvedById: null,
            }
          : {}),
      })
      .where(eq(scheduledPayments.id, payment.id));
  }
  for (const requirement of plan.requirements) {
    await tx
      .update(reportingRequirements)
      .set({ dueOn: requirement.dueOn })
      .where(eq(reportingRequirements.id, requirement.id));
  }
  return commitments;
}
