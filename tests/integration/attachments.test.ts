import { createHash } from "node:crypto";
import { DomainError } from "@portal/api";
import { checkAttachments, openAttachment, submitReportWithAttachments } from "@portal/api/services";
import {
  attachmentContents,
  auditEvents,
  type Database,
  grants,
  memberships,
  reportAttachments,
  reportingRequirements,
  reportSubmissions,
} from "@portal/db";
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { actorFor, callers, type Persona } from "./support/actors";
import { seededTestDatabase } from "./support/db";
import { codeOf, organisationIdOf } from "./support/ledger-fixtures";

let db: Database;
let drop: () => Promise<void>;
let mac: string;
let icbl: string;
let macGrantId: string;

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const CSV = new TextEncoder().encode("province,schools\nOntario,12\nQuébec,9\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);

/** A fresh open requirement on MAC's active FY 2002-2003 grant, added as an officer would. */
async function openMacRequirement(): Promise<string> {
  const officer = await callers(db, "officer");
  const requirement = await officer.web.requirements.add({
    grantId: macGrantId,
    kind: "financial",
    stage: "interim",
    dueOn: "2030-01-31",
  });
  return requirement.id;
}

async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message, field: error.field ?? null };
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeAll(async () => {
  ({ db, drop } = await seededTestDatabase());
  mac = await organisationIdOf(db, "mac");
  icbl = await organisationIdOf(db, "icbl");
  const [grant] = await db.select({ id: grants.id }).from(grants).where(eq(grants.reference, "CLF-2002-MAC"));
  macGrantId = grant!.id;
});
afterAll(() => drop());

describe("attachment checks (type by extension and content, size), each refusal naming the field and the file", () => {
  const big = new Uint8Array(10 * 1024 * 1024 + 1);
  big.set(PDF);
  const cases: { name: string; files: { name: string; bytes: Uint8Array }[]; field: string; says: string }[] = [
    { name: "an executable", files: [{ name: "setup.exe", bytes: EXE }], field: "files.0", says: "setup.exe" },
    {
      name: "an executable renamed .pdf",
      files: [
        { name: "ok.csv", bytes: CSV },
        { name: "report.pdf", bytes: EXE },
      ],
      field: "files.1",
      says: "report.pdf",
    },
    { name: "a PNG named .docx", files: [{ name: "plan.docx", bytes: PNG }], field: "files.0", says: "plan.docx" },
    { name: "binary in a .txt", files: [{ name: "notes.txt", bytes: PNG }], field: "files.0", says: "notes.txt" },
    { name: "a file over 10 MB", files: [{ name: "huge.pdf", bytes: big }], field: "files.0", says: "10 MB" },
    { name: "an empty file", files: [{ name: "empty.pdf", bytes: new Uint8Array() }], field: "files.0", says: "empty" },
    {
      name: "eleven files",
      files: Array.from({ length: 11 }, (_, i) => ({ name: `f${i}.csv`, bytes: CSV })),
      field: "files",
      says: "at most 10",
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} (field ${c.field})`, () => {
      let error: unknown;
      try {
        checkAttachments(c.files);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe("VALIDATION");
      expect((error as DomainError).field).toBe(c.field);
      expect((error as DomainError).message).toContain(c.says);
    });
  }

  it("accepts the whitelisted kinds by content, with a SHA-256 and an opaque storage key", () => {
    const [pdf, png, csv] = checkAttachments([
      { name: "../../etc/Report.PDF", bytes: PDF },
      { name: "photo.png", bytes: PNG },
      { name: "table.csv", bytes: CSV },
    ]);
    expect(pdf).toMatchObject({ fileName: "Report.PDF", contentType: "application/pdf", sizeBytes: PDF.byteLength });
    expect(pdf!.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(pdf!.storageKey).toMatch(/^att_[A-Za-z0-9_-]{32}$/);
    expect(pdf!.storageKey).not.toContain("Report");
    expect(png!.contentType).toBe("image/png");
    expect(csv!.contentType).toBe("text/csv; charset=utf-8");
  });
});

describe("submitting a report with attachments", () => {
  it("stores the submission, the files' metadata and bytes, and one audit event naming the files", async () => {
    const requirementId = await openMacRequirement();
    const actor = (await actorFor(db, "partnerMac"))!;
    const result = await submitReportWithAttachments(db, actor, {
      requirementId,
      body: "Interim financial report for April-September.",
      files: [
        { name: "statement.pdf", bytes: PDF },
        { name: "by-province.csv", bytes: CSV },
      ],
    });
    expect(result.status).toBe("submitted");
    expect(result.attachments.map((a) => a.fileName)).toEqual(["statement.pdf", "by-province.csv"]);
    const stored = await db
      .select()
      .from(reportAttachments)
      .innerJoin(attachmentContents, eq(attachmentContents.storageKey, reportAttachments.storageKey))
      .where(eq(reportAttachments.submissionId, result.submission.id));
    expect(stored).toHaveLength(2);
    for (const row of stored) {
      expect(createHash("sha256").update(row.attachment_contents.content).digest("hex")).toBe(
        row.report_attachments.sha256,
      );
    }
    const events = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, requirementId), eq(auditEvents.action, "requirement.submit")));
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]!.after)).toContain("by-province.csv");

    // The partner sees the officer's answer and the status once the officer accepts.
    const officer = await callers(db, "officer");
    await officer.web.requirements.review({ requirementId, decision: "accepted", response: "Thank you." });
    const partner = await callers(db, "partnerMac");
    const report = await partner.web.attachments.report({ requirementId });
    expect(report.status).toBe("accepted");
    expect(report.submissions.at(-1)).toMatchObject({
      decision: "accepted",
      response: "Thank you.",
      respondedBy: null,
    });
    expect(report.submissions.at(-1)!.attachments.map((a) => a.fileName)).toEqual(["by-province.csv", "statement.pdf"]);
    const asOfficer = await officer.web.attachments.report({ requirementId });
    expect(asOfficer.submissions.at(-1)!.respondedBy).toBe("Olivia Officer");
  });

  it("a refused file leaves nothing behind: no submission, no files, status unchanged", async () => {
    const requirementId = await openMacRequirement();
    const actor = (await actorFor(db, "partnerMac"))!;
    const refused = await refusalOf(
      submitReportWithAttachments(db, actor, {
        requirementId,
        body: "Report.",
        files: [
          { name: "ok.pdf", bytes: PDF },
          { name: "virus.pdf", bytes: EXE },
        ],
      }),
    );
    expect(refused).toMatchObject({ code: "VALIDATION", field: "files.1" });
    expect(refused.message).toContain("virus.pdf");
    expect(await db.$count(reportSubmissions, eq(reportSubmissions.requirementId, requirementId))).toBe(0);
    const [requirement] = await db
      .select()
      .from(reportingRequirements)
      .where(eq(reportingRequirements.id, requirementId));
    expect(requirement!.status).toBe("open");
  });

  it("refuses an empty report text, naming the body field", async () => {
    const requirementId = await openMacRequirement();
    const actor = (await actorFor(db, "partnerMac"))!;
    expect(
      await refusalOf(submitReportWithAttachments(db, actor, { requirementId, body: "  ", files: [] })),
    ).toMatchObject({ code: "VALIDATION", field: "body" });
  });

  it.each<[Persona, string]>([
    ["partnerIcbl", "NOT_FOUND"],
    ["admin", "FORBIDDEN"],
  ])("%s may not submit MAC's report: %s", async (persona, expected) => {
    const requirementId = await openMacRequirement();
    const actor = (await actorFor(db, persona))!;
    expect(await codeOf(submitReportWithAttachments(db, actor, { requirementId, body: "Report.", files: [] }))).toBe(
      expected,
    );
  });

  it("a MAC member without submit_reports may not submit", async () => {
    const requirementId = await openMacRequirement();
    const actor = (await actorFor(db, "partnerMac"))!;
    await db
      .update(memberships)
      .set({ capabilities: ["view"] })
      .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, mac)));
    try {
      expect(await codeOf(submitReportWithAttachments(db, actor, { requirementId, body: "Report.", files: [] }))).toBe(
        "FORBIDDEN",
      );
    } finally {
      await db
        .update(memberships)
        .set({ capabilities: ["view", "submit_reports"] })
        .where(and(eq(memberships.userId, actor.userId), eq(memberships.organisationId, mac)));
    }
  });
});

describe("downloads and attachment listings are for those entitled only", () => {
  let attachmentId: string;
  let requirementId: string;
  beforeAll(async () => {
    requirementId = await openMacRequirement();
    const result = await submitReportWithAttachments(db, (await actorFor(db, "partnerMac"))!, {
      requirementId,
      body: "With a photo.",
      files: [{ name: "photo.png", bytes: PNG }],
    });
    attachmentId = result.attachments[0]!.id;
  });

  const table: { persona: Exclude<Persona, "anonymous">; download: string }[] = [
    { persona: "partnerMac", download: "OK" },
    { persona: "officer", download: "OK" },
    { persona: "officer2", download: "OK" },
    { persona: "admin", download: "OK" },
    { persona: "partnerIcbl", download: "NOT_FOUND" },
  ];
  for (const row of table) {
    it(`${row.persona}: download ${row.download}, report page and grant listing agree`, async () => {
      const actor = (await actorFor(db, row.persona))!;
      expect(await codeOf(openAttachment(db, actor, attachmentId))).toBe(row.download);
      const { web } = await callers(db, row.persona);
      expect(await codeOf(web.attachments.report({ requirementId }))).toBe(row.download);
      const listed = await web.attachments.forGrant({ grantId: macGrantId });
      expect(listed.some((a) => a.id === attachmentId)).toBe(row.download === "OK");
      if (row.download === "OK") {
        const file = await openAttachment(db, actor, attachmentId);
        expect(Buffer.compare(file.content, Buffer.from(PNG))).toBe(0);
        expect(file.contentType).toBe("image/png");
      }
    });
  }

  it("an ICBL partner's view of every attachment listing holds ICBL files only", async () => {
    const { web } = await callers(db, "partnerIcbl");
    const icblGrants = await db.select({ id: grants.id }).from(grants).where(eq(grants.recipientId, icbl));
    const all = (await Promise.all(icblGrants.map((g) => web.attachments.forGrant({ grantId: g.id })))).flat();
    if (all.length > 0) {
      const owners = await db
        .select({ recipientId: grants.recipientId })
        .from(reportAttachments)
        .innerJoin(reportSubmissions, eq(reportSubmissions.id, reportAttachments.submissionId))
        .innerJoin(reportingRequirements, eq(reportingRequirements.id, reportSubmissions.requirementId))
        .innerJoin(grants, eq(grants.id, reportingRequirements.grantId))
        .where(
          inArray(
            reportAttachments.id,
            all.map((a) => a.id),
          ),
        );
      expect(new Set(owners.map((o) => o.recipientId))).toEqual(new Set([icbl]));
    }
    expect(await web.attachments.forGrant({ grantId: macGrantId })).toEqual([]);
  });

  it("a malformed or unknown id is simply not found", async () => {
    const actor = (await actorFor(db, "officer"))!;
    expect(await codeOf(openAttachment(db, actor, "../../etc/passwd"))).toBe("NOT_FOUND");
    expect(await codeOf(openAttachment(db, actor, "00000000-0000-4000-8000-000000000000"))).toBe("NOT_FOUND");
  });
});
