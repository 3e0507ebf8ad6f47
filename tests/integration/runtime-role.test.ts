import { createDb, type Database } from "@portal/db";
import { RUNTIME_GROUP } from "@portal/db/roles";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callers } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import {
  approvedUnscheduled,
  auditCount,
  freshAllocation,
  grantIn,
  grantInput,
  newKey,
  organisationIdOf,
} from "./support/ledger-fixtures";

// The apps connect as a member of portal_runtime (migration 0008). Here a login role of that kind works on a seeded
// copy of the database whose tables belong to another role, as on a deployment.
const APP_ROLE = `portal_app_test_${process.pid}`;
const APP_PASSWORD = "runtime-role-test";

let drop: () => Promise<void>;
let ownerDb: Database;
let appDb: Database;
let app: postgres.Sql;
let superuser: postgres.Sql;

beforeAll(async () => {
  const seeded = await seededTestDatabase();
  ({ drop } = seeded);
  ownerDb = seeded.db;
  superuser = postgres(seeded.url, { max: 1, onnotice: () => {} });
  await superuser.unsafe(`drop role if exists ${APP_ROLE}`);
  await superuser.unsafe(`create role ${APP_ROLE} login password '${APP_PASSWORD}' in role ${RUNTIME_GROUP}`);
  const url = new URL(seeded.url);
  url.username = APP_ROLE;
  url.password = APP_PASSWORD;
  app = postgres(url.toString(), { max: 1, onnotice: () => {} });
  appDb = createDb(url.toString(), { max: 4 });
});

afterAll(async () => {
  await app?.end({ timeout: 5 });
  await appDb?.close();
  await superuser?.unsafe(`drop role if exists ${APP_ROLE}`);
  await superuser?.end({ timeout: 5 });
  await drop();
});

/** The SQLSTATE a statement fails with as the runtime role, or "ok". */
async function stateOf(statement: string): Promise<string> {
  try {
    await app.unsafe(statement);
    return "ok";
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
}

const INSUFFICIENT_PRIVILEGE = "42501";

describe("the apps' database role", () => {
  it("cannot switch off the append-only guard", async () => {
    expect(await stateOf("set session_replication_role = replica")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("alter table audit_events disable trigger audit_events_append_only")).toBe(
      INSUFFICIENT_PRIVILEGE,
    );
    expect(await stateOf("alter table disbursements disable trigger all")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("drop trigger audit_events_append_only on audit_events")).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("cannot change or remove history, only add to it", async () => {
    expect(await stateOf("update audit_events set action = 'forged'")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("delete from audit_events")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("truncate audit_events")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("update disbursements set amount = 1")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("delete from disbursements")).toBe(INSUFFICIENT_PRIVILEGE);
    // The guard stayed on: even the owner's attempt is refused by the trigger.
    await expect(superuser.unsafe("update audit_events set action = 'forged'")).rejects.toThrow(/append-only/);
  });

  it("cannot change the schema", async () => {
    expect(await stateOf("alter table grants add column forged text")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("drop table grants")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("create table public.forged (id int)")).toBe(INSUFFICIENT_PRIVILEGE);
    expect(await stateOf("truncate grants cascade")).toBe(INSUFFICIENT_PRIVILEGE);
  });

  it("does the apps' normal work: a grant taken to active, a payment recorded, audit events written", async () => {
    const icbl = await organisationIdOf(ownerDb, "icbl");
    const allocation = await freshAllocation(ownerDb, 50_000_000);
    const before = await auditCount(ownerDb);
    const grantId = await grantIn(appDb, "active", grantInput(icbl, [allocation], 10_000_000));
    const officer = (await callers(appDb, "officer")).web;
    const { disbursement } = await officer.disbursements.record({
      grantId,
      paidOn: "2002-07-15",
      amount: 2_500_000,
      reference: "EFT-role",
      idempotencyKey: newKey(),
      scheduledPaymentId: await approvedUnscheduled(appDb, grantId, 2_500_000),
    });
    expect(disbursement.amount).toBe(2_500_000);
    expect(await auditCount(ownerDb)).toBeGreaterThan(before + 4);
    const rows = await app<{ count: number }[]>`select count(*)::int as count from grants`;
    expect(rows[0]?.count).toBeGreaterThan(0);
  });

  it("reads the migration record for readiness", async () => {
    expect(await stateOf("select count(*) from drizzle.__drizzle_migrations")).toBe("ok");
  });
});
