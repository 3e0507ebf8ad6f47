import { DomainError } from "@portal/api";
import {
  allocations,
  auditEvents,
  type Database,
  grants,
  officerProgrammes,
  organisations,
  programmes,
  users,
} from "@portal/db";
import type { CreateGrantInput } from "@portal/domain";
import { TRPCError } from "@trpc/server";
import { and, eq, inArray } from "drizzle-orm";
import { callers, type Persona } from "./actors";

/** The outcome of a call as a code: "OK", the DomainError code when a service refused, else the tRPC code. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof TRPCError) return error.cause instanceof DomainError ? error.cause.code : error.code;
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

/** The refusal itself, for tests that look at its message and field. */
export async function refusal(
  promise: Promise<unknown>,
): Promise<{ code: string; message: string; field: string | null }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError && error.cause instanceof DomainError) {
      return { code: error.cause.code, message: error.cause.message, field: error.cause.field ?? null };
    }
    if (error instanceof TRPCError) return { code: error.code, message: error.message, field: null };
    throw error;
  }
  throw new Error("expected the call to be refused");
}

export async function organisationIdOf(db: Database, slug: string): Promise<string> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.slug, slug));
  if (!row) throw new Error(`no organisation ${slug}`);
  return row.id;
}

export async function allocationIdOf(db: Database, code: string, fiscalYear: number): Promise<string> {
  const [row] = await db
    .select({ id: allocations.id })
    .from(allocations)
    .innerJoin(programmes, eq(programmes.id, allocations.programmeId))
    .where(and(eq(programmes.code, code), eq(allocations.fiscalYear, fiscalYear)));
  if (!row) throw new Error(`no allocation ${code} ${fiscalYear}`);
  return row.id;
}

/** The demo's two Fund officers, who manage every seeded programme (officer scope). */
export const FUND_OFFICER_EMAILS = ["officer@example.org", "officer2@example.org"];

/** Assigns the demo's Fund officers to a programme a test created, as an admin would (officer scope). */
export async function assignFundOfficers(db: Database, programmeId: string): Promise<void> {
  const officers = await db.select({ id: users.id }).from(users).where(inArray(users.email, FUND_OFFICER_EMAILS));
  if (officers.length === 0) return; // a database without the demo accounts
  await db
    .insert(officerProgrammes)
    .values(officers.map((o) => ({ userId: o.id, programmeId })))
    .onConflictDoNothing();
}

/**
 * A programme with one allocation of its own, so a test's budget arithmetic is not disturbed by the seed's grants;
 * the demo's Fund officers are assigned to it.
 */
export async function freshAllocation(db: Database, amount: number, fiscalYear = 2002): Promise<string> {
  const code = `T${Math.random().toString(36).slice(2, 8).toUpperCase()}`;
  const [programme] = await db
    .insert(programmes)
    .values({ code, nameEn: `Test ${code}`, nameFr: `Essai ${code}` })
    .returning();
  await assignFundOfficers(db, programme!.id);
  const [allocation] = await db
    .insert(allocations)
    .values({ programmeId: programme!.id, fiscalYear, amount })
    .returning();
  return allocation!.id;
}

let references = 0;
export function newReference(): string {
  return `TEST-${process.pid}-${++references}-${Math.random().toString(36).slice(2, 6).toUpperCase()}`;
}

/** A valid CAD grant for ICBL: two components and one funding line per given allocation, splitting the total. */
export function grantInput(
  recipientId: string,
  allocationIds: readonly string[],
  total = 10_000_000,
  extra: Partial<CreateGrantInput> = {},
): CreateGrantInput {
  const share = Math.floor(total / allocationIds.length);
  return {
    reference: newReference(),
    recipientId,
    titleEn: "Test grant",
    titleFr: "Subvention d'essai",
    totalAmount: total,
    startsOn: "2002-04-01",
    endsOn: "2003-03-31",
    components: [
      { titleEn: "First part", titleFr: "Première partie", amount: total - Math.floor(total / 4) },
      { titleEn: "Second part", titleFr: "Deuxième partie", amount: Math.floor(total / 4) },
    ],
    fundingLines: allocationIds.map((allocationId, index) => ({
      allocationId,
      amount: index === allocationIds.length - 1 ? total - share * (allocationIds.length - 1) : share,
    })),
    ...extra,
  };
}

export type Status = "draft" | "submitted" | "approved" | "active";

/**
 * A grant created by `creator` (officer by default) and taken to `status` the way people do it: the other officer
 * approves (four eyes), the creator submits and activates.
 */
export async function grantIn(
  db: Database,
  status: Status,
  input: CreateGrantInput,
  creator: "officer" | "officer2" = "officer",
): Promise<string> {
  const approver = creator === "officer" ? "officer2" : "officer";
  const web = { officer: (await callers(db, "officer")).web, officer2: (await callers(db, "officer2")).web };
  const grant = await web[creator].grants.create(input);
  const steps: [Status, "submit" | "approve" | "activate", Persona][] = [
    ["submitted", "submit", creator],
    ["approved", "approve", approver],
    ["active", "activate", creator],
  ];
  const order: Status[] = ["draft", "submitted", "approved", "active"];
  for (const [reached, action, persona] of steps) {
    if (order.indexOf(status) < order.indexOf(reached)) break;
    await web[persona as "officer" | "officer2"].grants.transition({ id: grant.id, action });
  }
  return grant.id;
}

export async function auditCount(db: Database): Promise<number> {
  return db.$count(auditEvents);
}

export async function grantRow(db: Database, id: string) {
  const [row] = await db.select().from(grants).where(eq(grants.id, id));
  return row!;
}

export async function allocationRow(db: Database, id: string) {
  const [row] = await db.select().from(allocations).where(eq(allocations.id, id));
  return row!;
}

let keys = 0;
export function newKey(): string {
  return `key-${process.pid}-${++keys}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * An unscheduled payment made ready the way people do it now: `requester` asks for it (a due instalment), the other
 * officer approves it (four eyes). Returns the instalment's id, to pay with disbursements.record.
 */
export async function approvedUnscheduled(
  db: Database,
  grantId: string,
  amount: number,
  requester: "officer" | "officer2" = "officer2",
): Promise<string> {
  const approver = requester === "officer" ? "officer2" : "officer";
  const payment = await (
    await callers(db, requester)
  ).web.payments.requestUnscheduled({ grantId, amount, dueOn: "2002-07-15", reason: `Payment of ${amount}` });
  await (await callers(db, approver)).web.payments.act({ id: payment.id, action: "approve" });
  return payment.id;
}
