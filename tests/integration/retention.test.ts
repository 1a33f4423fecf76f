/**
 * Records management (issue 13 item 5, docs/decisions/059): on a clock moved forward the
 * dry run names exactly the cases the rules name, and the run archives them (package files,
 * manifest checksums, PDF/A-2b) and then deletes or thins exactly those cases and no others.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { CaseStatus } from "~/domain/statuses";
import {
  administration,
  auditEvent,
  caseAttachment,
  caseEvent,
  caseParty,
  caseSignature,
  caseTable,
  message,
  municipality,
  retentionRule,
} from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { env } from "~/env.server";
import { encrypt } from "~/platform/crypto.server";
import { writeEncryptedFile } from "~/services/file-store.server";
import { MANIFEST, verifyPackage } from "~/services/archive-package.server";
import type { SessionUser } from "~/auth/session.server";
import {
  deleteRetentionRule,
  listRetentionRules,
  RetentionRuleSchema,
  saveRetentionRule,
} from "~/services/retention-rules.server";
import { runRetention } from "~/services/retention.server";
import { uploadsDir } from "~/services/uploads.server";

const TYPE_DELETE = "gallring-test-radering";
const TYPE_THIN = "gallring-test-gallring";
const NOW = new Date("2028-06-01T08:00:00.000Z");
const MARKER = "Anna Andersson 19811218-9876 fritext";
const SIGNATURE = Buffer.from("eyJhbGciOiJSUzI1NiJ9.eyJ0YnNfaGFzaCI6IngifQ.c2lnbmF0dXI").toString("base64");
let amal = { id: 0, adminId: 0 };
let bengtsfors = { id: 0, adminId: 0 };
let n = 0;

function place(slug: string) {
  const m = db().select().from(municipality).where(eq(municipality.slug, slug)).get()!;
  const a = db().select().from(administration).where(eq(administration.municipalityId, m.id)).get()!;
  return { id: m.id, adminId: a.id };
}

/** A case that reached `status` at `closedAt`, with an answer, a file, a message and a party. */
function makeCase(where: { id: number; adminId: number }, formId: string, status: CaseStatus, closedAt: string) {
  n += 1;
  const reference = `GLT-2026-${String(n).padStart(6, "0")}`;
  const row = db()
    .insert(caseTable)
    .values({
      reference,
      municipalityId: where.id,
      administrationId: where.adminId,
      formId,
      formVersion: 1,
      area: "allmant",
      status,
      applicantPersonId: 4242,
      contactEmail: "anna@example.se",
      data: JSON.stringify({ description: MARKER }),
      sensitiveData: encrypt(JSON.stringify({ personnummer: "198112189876" })),
      idempotencyKey: `retention-test-${n}`,
      createdAt: "2026-01-02T10:00:00.000Z",
      updatedAt: closedAt,
    })
    .returning()
    .get();
  db()
    .insert(caseEvent)
    .values({ caseId: row.id, toStatus: "received", actor: "applicant", createdAt: "2026-01-02T10:00:00.000Z" })
    .run();
  db()
    .insert(caseEvent)
    .values({
      caseId: row.id,
      fromStatus: "received",
      toStatus: status,
      actor: "staff:1",
      note: MARKER,
      createdAt: closedAt,
    })
    .run();
  const storedName = `retention${n}${createHash("sha256").update(reference).digest("hex").slice(0, 16)}`;
  const bytes = Buffer.from(`%PDF-1.4 bilaga ${reference} ${MARKER}`);
  writeEncryptedFile(uploadsDir(), storedName, bytes);
  db()
    .insert(caseAttachment)
    .values({
      publicId: `pub-${storedName}`,
      caseId: row.id,
      ownerKey: "retention-test",
      formId,
      field: "files",
      originalName: "Ritning över tomten.pdf",
      storedName,
      size: bytes.length,
      mime: "application/pdf",
      sha256: createHash("sha256").update(bytes).digest("hex"),
    })
    .run();
  db()
    .insert(message)
    .values({ caseId: row.id, sender: "applicant", body: encrypt(MARKER) })
    .run();
  db()
    .insert(caseParty)
    .values({ caseId: row.id, personnummerHmac: `hmac-${n}`, role: "applicant" })
    .run();
  return { id: row.id, reference, storedName, bytes };
}

let cases: Record<string, ReturnType<typeof makeCase>> = {};

beforeAll(() => {
  prepareDatabase();
  amal = place("amal");
  bengtsfors = place("bengtsfors");
  db()
    .insert(retentionRule)
    .values([
      { municipalityId: amal.id, caseType: TYPE_DELETE, action: "delete", periodMonths: 24, planReference: "3.1" },
      { municipalityId: amal.id, caseType: TYPE_THIN, action: "thin", periodMonths: 6, planReference: "3.2" },
    ])
    .run();
  cases = {
    // Named: closed 2026-01-10 + 24 months = 2028-01-10, before NOW.
    deleteDue: makeCase(amal, TYPE_DELETE, "closed", "2026-01-10T09:00:00.000Z"),
    // Named: decided 2026-03-01 + 6 months.
    thinDue: makeCase(amal, TYPE_THIN, "decided", "2026-03-01T09:00:00.000Z"),
    // Not named: still open.
    open: makeCase(amal, TYPE_DELETE, "in_progress", "2026-01-10T09:00:00.000Z"),
    // Not named: its period has not run out (2027-12-01 + 24 months).
    notYet: makeCase(amal, TYPE_DELETE, "closed", "2027-12-01T09:00:00.000Z"),
    // Not named: Bengtsfors has no rule for this case type.
    otherMunicipality: makeCase(bengtsfors, TYPE_DELETE, "closed", "2026-01-10T09:00:00.000Z"),
  };
  // The deleted case was signed with e-ID: the signature goes into the package as received.
  db()
    .insert(caseSignature)
    .values({
      caseId: cases.deleteDue!.id,
      party: "applicant",
      signerHmac: "hmac-signer",
      signerName: encrypt("Anna Andersson"),
      language: "sv",
      signedTextHash: "ab".repeat(32),
      userSignature: encrypt(SIGNATURE),
      issuer: "https://idp.example.se",
      signedAt: "2026-01-02T09:59:00.000Z",
    })
    .run();
});

const refs = (report: { cases: { reference: string }[] }) => report.cases.map((c) => c.reference).sort();

describe("retention on a clock moved forward", () => {
  it("the dry run lists exactly the cases the rules name, and changes nothing", async () => {
    const before = db().select().from(caseTable).all().length;
    const early = await runRetention({ now: new Date("2026-06-01T00:00:00.000Z"), dryRun: true });
    expect(refs(early).filter((r) => r.startsWith("GLT-"))).toEqual([]);
    const report = await runRetention({ now: NOW, dryRun: true });
    expect(refs(report)).toEqual([cases.deleteDue!.reference, cases.thinDue!.reference].sort());
    expect(report.cases.find((c) => c.reference === cases.thinDue!.reference)).toMatchObject({
      action: "thin",
      dueAt: "2026-09-01T09:00:00.000Z",
    });
    expect(db().select().from(caseTable).all().length).toBe(before);
    expect(existsSync(join(env().ARCHIVE_DIR, "cases"))).toBe(false);
  });

  it("a municipal admin's dry run sees only its own municipality's cases", async () => {
    const report = await runRetention({ now: NOW, dryRun: true, municipalityIds: [bengtsfors.id] });
    expect(refs(report)).toEqual([]);
  });

  it("archives each named case, checks the package, then deletes or thins exactly those cases", async () => {
    const report = await runRetention({ now: NOW });
    expect(report.cases.map((c) => [c.reference, c.outcome]).sort()).toEqual(
      [
        [cases.deleteDue!.reference, "archived-deleted"],
        [cases.thinDue!.reference, "archived-thinned"],
      ].sort(),
    );

    for (const c of [cases.deleteDue!, cases.thinDue!]) {
      const dir = join(env().ARCHIVE_DIR, "cases", c.reference);
      for (const f of ["metadata.json", "arende.pdf", MANIFEST]) expect(existsSync(join(dir, f))).toBe(true);
      // Every manifest line matches the file's bytes on disk.
      const lines = readFileSync(join(dir, MANIFEST), "utf8").trim().split("\n");
      const signed = c === cases.deleteDue;
      expect(lines.length).toBe(signed ? 4 : 3);
      for (const line of lines) {
        const [hash, path] = [line.slice(0, 64), line.slice(66)];
        expect(
          createHash("sha256")
            .update(readFileSync(join(dir, path)))
            .digest("hex"),
        ).toBe(hash);
      }
      expect(verifyPackage(dir)).toEqual([]);
      const meta = JSON.parse(readFileSync(join(dir, "metadata.json"), "utf8")) as Record<string, unknown>;
      expect(meta).toMatchObject({
        reference: c.reference,
        answers: { description: MARKER, personnummer: "198112189876" },
      });
      if (signed) {
        // The signature document is in the manifest, byte for byte as received, and listed in the metadata.
        expect(lines.map((l) => l.slice(66))).toContain("signatures/1-applicant.b64");
        expect(readFileSync(join(dir, "signatures/1-applicant.b64"), "utf8")).toBe(SIGNATURE);
        expect(meta.signatures).toEqual([
          expect.objectContaining({
            path: "signatures/1-applicant.b64",
            party: "applicant",
            signer: "Anna Andersson",
            signedAt: "2026-01-02T09:59:00.000Z",
            signedTextSha256: "ab".repeat(32),
          }),
        ]);
      } else expect(meta.signatures).toEqual([]);
      const filePath = lines.map((l) => l.slice(66)).find((p) => p.startsWith("files/"))!;
      expect(readFileSync(join(dir, filePath))).toEqual(c.bytes);
      // pdfinfo: a PDF, and its XMP says PDF/A part 2, conformance B.
      const pdf = join(dir, "arende.pdf");
      expect(execFileSync("pdfinfo", [pdf], { encoding: "utf8" })).toMatch(/PDF version:\s+1\.7/);
      const xmp = execFileSync("pdfinfo", ["-meta", pdf], { encoding: "utf8" });
      expect(xmp).toContain("<pdfaid:part>2</pdfaid:part>");
      expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
      expect(readFileSync(pdf).includes(Buffer.from("/GTS_PDFA1"))).toBe(true);
      expect(readFileSync(pdf).includes(Buffer.from("/FontFile2"))).toBe(true);
      // PDF/UA as well (decision 084, issue 15 item 5): tagged, in Swedish, titled, and poppler's
      // structure text starts with the H1 title and then each part's H2, in the order they are read.
      const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
      expect(info).toMatch(/^Tagged:\s+yes/m);
      expect(info).toMatch(/^Suspects:\s+no/m);
      expect(
        info
          .split("\n")
          .find((l) => l.startsWith("Title:"))
          ?.slice(6)
          .trim(),
      ).toBe(`Ärende ${c.reference}`);
      expect(xmp).toContain("<pdfuaid:part>1</pdfuaid:part>");
      expect(readFileSync(pdf).includes(Buffer.from("/Lang (sv-SE)"))).toBe(true);
      const struct = execFileSync("pdfinfo", ["-struct-text", pdf], { encoding: "utf8" });
      let at = 0;
      for (const next of ["H1", `"Ärende ${c.reference}"`, "H2", '"reference"', "H2", '"answers"']) {
        const found = struct.indexOf(next, at);
        expect(found, `${next} after offset ${at}`).toBeGreaterThanOrEqual(at);
        at = found + next.length;
      }
      // The stored (encrypted) upload is gone from the portal.
      expect(existsSync(join(uploadsDir(), c.storedName))).toBe(false);
    }

    // Deleted: no row of the case is left.
    const del = cases.deleteDue!;
    expect(db().select().from(caseTable).where(eq(caseTable.id, del.id)).get()).toBeUndefined();
    expect(db().select().from(caseEvent).where(eq(caseEvent.caseId, del.id)).all()).toEqual([]);
    expect(db().select().from(message).where(eq(message.caseId, del.id)).all()).toEqual([]);

    // Thinned: the skeleton and its history stay, the personal data and files do not.
    const thin = db().select().from(caseTable).where(eq(caseTable.id, cases.thinDue!.id)).get()!;
    expect(thin).toMatchObject({
      reference: cases.thinDue!.reference,
      status: "decided",
      formId: TYPE_THIN,
      data: "{}",
      sensitiveData: null,
      contactEmail: null,
      applicantPersonId: null,
      thinnedAt: NOW.toISOString(),
    });
    const events = db().select().from(caseEvent).where(eq(caseEvent.caseId, thin.id)).all();
    expect(events.map((e) => [e.toStatus, e.note])).toEqual([
      ["received", null],
      ["decided", null],
    ]);
    expect(db().select().from(caseAttachment).where(eq(caseAttachment.caseId, thin.id)).all()).toEqual([]);
    expect(db().select().from(message).where(eq(message.caseId, thin.id)).all()).toEqual([]);
    expect(db().select().from(caseParty).where(eq(caseParty.caseId, thin.id)).all()).toEqual([]);

    // The others are untouched, files included.
    for (const c of [cases.open!, cases.notYet!, cases.otherMunicipality!]) {
      const row = db().select().from(caseTable).where(eq(caseTable.id, c.id)).get()!;
      expect(row.data).toContain(MARKER);
      expect(row.thinnedAt).toBeNull();
      expect(existsSync(join(uploadsDir(), c.storedName))).toBe(true);
      expect(existsSync(join(env().ARCHIVE_DIR, "cases", c.reference))).toBe(false);
    }

    // One audit row per case, naming the package.
    const rows = db()
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.subjectType, "case"),
          inArray(auditEvent.action, ["retention.case-deleted", "retention.case-thinned"]),
        ),
      )
      .all();
    expect(rows.map((r) => [r.subjectId, r.action]).sort()).toEqual(
      [
        [cases.deleteDue!.reference, "retention.case-deleted"],
        [cases.thinDue!.reference, "retention.case-thinned"],
      ].sort(),
    );

    // A second run finds nothing left to do: a thinned case is not thinned again.
    expect(refs(await runRetention({ now: NOW, dryRun: true }))).toEqual([]);
  });
});

describe("the audit log", () => {
  it("rows past AUDIT_RETENTION_MONTHS are exported as JSON lines with a manifest, then deleted; the rest stay and stay append-only", async () => {
    const old = db()
      .insert(auditEvent)
      .values([
        { at: "2020-01-01T00:00:00.000Z", actorType: "system", action: "test.old", subjectType: "test" },
        { at: "2020-02-01T00:00:00.000Z", actorType: "system", action: "test.old", subjectType: "test" },
      ])
      .returning({ id: auditEvent.id })
      .all();
    const before = db().select().from(auditEvent).all().length;
    const dry = await runRetention({ now: NOW, dryRun: true });
    expect(dry.audit.rows).toBe(2);
    const report = await runRetention({ now: NOW });
    expect(report.audit.rows).toBe(2);
    const dir = report.audit.exported!;
    expect(verifyPackage(dir)).toEqual([]);
    const exported = readFileSync(join(dir, "audit.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as { id: number });
    expect(exported.map((r) => r.id)).toEqual(old.map((r) => r.id));
    expect(
      db()
        .select()
        .from(auditEvent)
        .where(
          inArray(
            auditEvent.id,
            old.map((r) => r.id),
          ),
        )
        .all(),
    ).toEqual([]);
    // Two removed, one "retention.audit-thinned" added.
    expect(db().select().from(auditEvent).all().length).toBe(before - 2 + 1);
    expect(() => db().$client.prepare("delete from audit_event").run()).toThrow(/append-only/);
  });
});

describe("retention rules as data", () => {
  const admin = {
    sessionId: "s",
    kind: "staff",
    staffUserId: 1,
    name: "Registrator Åmål",
    roles: [{ role: "admin", municipalityId: 0, area: null, administrationId: null }],
  } as unknown as SessionUser;

  it("an Åmål admin saves and replaces a rule for Åmål, audited, and cannot touch another municipality's", () => {
    const input = RetentionRuleSchema.parse({
      municipalityId: String(amal.id),
      caseType: "felanmalan-gata-park",
      action: "thin",
      periodMonths: "12",
    });
    expect(saveRetentionRule(admin, [amal.id], input)).toBe(true);
    expect(saveRetentionRule(admin, [amal.id], { ...input, periodMonths: 18 })).toBe(true);
    expect(saveRetentionRule(admin, [amal.id], { ...input, municipalityId: bengtsfors.id })).toBe(false);
    const rules = listRetentionRules([amal.id], "sv").filter((r) => r.caseType === "felanmalan-gata-park");
    expect(rules).toMatchObject([{ action: "thin", periodMonths: 18, updatedBy: "Registrator Åmål" }]);
    expect(listRetentionRules([bengtsfors.id], "sv")).toEqual([]);
    expect(deleteRetentionRule(admin, [bengtsfors.id], rules[0]!.id)).toBe(false);
    expect(deleteRetentionRule(admin, [amal.id], rules[0]!.id)).toBe(true);
    const trail = db()
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(eq(auditEvent.subjectType, "retention_rule"))
      .all()
      .map((r) => r.action);
    expect(trail).toEqual(["retention_rule.created", "retention_rule.updated", "retention_rule.deleted"]);
  });

  it("a period that is not a whole number of months from 1 to 1200 is refused with a field message", () => {
    for (const periodMonths of ["0", "1201", "1.5", "två"]) {
      const r = RetentionRuleSchema.safeParse({ municipalityId: "1", caseType: "x", action: "delete", periodMonths });
      expect(r.success).toBe(false);
      expect(r.error?.issues.map((i) => [i.path[0], i.message])).toContainEqual([
        "periodMonths",
        "records:rules.errors.periodMonths",
      ]);
    }
    expect(
      RetentionRuleSchema.safeParse({ municipalityId: "1", caseType: "x", action: "purge", periodMonths: "3" }).success,
    ).toBe(false);
  });
});
