import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  administration,
  auditEvent,
  caseExport,
  childcareUnit,
  integrationSystem,
  integrationSystemMunicipality,
  message,
  municipality,
} from "../../db/schema/index";
import { hashIntegrationToken, TEST_INTEGRATION_SYSTEM } from "../../db/seed/integration";
import { closeDatabase, db, prepareDatabase } from "~/db.server";
import { isTokenAuthenticatedCallback } from "~/http/middleware.server";
import * as callbackRoute from "~/routes/api.v1.integration.cases.$reference";
import type * as CaseExportModule from "~/services/case-export.server";
import type * as CasesModule from "~/services/cases.server";
import type * as OutboxModule from "~/services/outbox.server";
import { listNotifications } from "~/services/notifications.server";
import { getMyCase, listMyCases } from "~/services/mypages.server";
import { storeUpload } from "~/services/uploads.server";
import { parseChildcareApplication } from "~/services/childcare-application";
import { submitChildcareApplication } from "~/services/childcare.server";
import { hmacIndex } from "~/platform/crypto.server";
import { viewerFor } from "./people-helper";

/*
 * The hand-over of real cases (docs/decisions/034): cases made by createCase, documents made by
 * the real export builder, a real HTTP server on 127.0.0.1 as the case-management system.
 */

// ---- the stand-in case-management system --------------------------------------------------

let server: Server | undefined;
let port = 0;
let mode: "up" | "503" = "up";
/** Every POST that arrived, and the cases kept by idempotency key (a repeat replaces, as documented). */
const posts: { key: string; body: any }[] = [];
const kept = new Map<string, any>();

function listen(p = 0): Promise<void> {
  server = createServer((req, res) => {
    // No keep-alive: "down" must mean a refused connection for the next POST, not a pooled
    // socket the client has not yet seen closed (that is UND_ERR_SOCKET, a timing accident).
    res.setHeader("Connection", "close");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      if (mode === "503") return void res.writeHead(503).end();
      const key = String(req.headers["idempotency-key"] ?? "");
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      posts.push({ key, body });
      kept.set(key, body);
      res.writeHead(202).end();
    });
  });
  return new Promise((resolve) => server!.listen(p, "127.0.0.1", () => resolve()));
}
async function stop() {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
}
const webhook = () => ({ kind: "webhook" as const, url: `http://127.0.0.1:${port}/cases`, timeoutMs: 5000 });

// ---- modules, reloadable to simulate a restart --------------------------------------------

let outbox: typeof OutboxModule;
let cases: typeof CasesModule;
async function loadModules() {
  outbox = await import("~/services/outbox.server");
  cases = await import("~/services/cases.server");
  const builder: typeof CaseExportModule = await import("~/services/case-export.server");
  outbox.setExportBuilder((reference) => builder.buildCaseExport(reference));
}

let amal = { id: 0, adminId: 0 };
let resident = { personId: 0, personnummerHmac: "" };
let keyNo = 0;

function newCase(extra: Partial<CasesModule.NewCase> = {}) {
  keyNo++;
  return cases.createCase({
    idempotencyKey: `handover-${keyNo}-aaaaaaaaaaaaaaaa`,
    municipalityId: amal.id,
    administrationId: amal.adminId,
    formId: "felanmalan-gata-park",
    formVersion: 1,
    area: "allmant",
    sensitivity: "public",
    data: { category: "gatubelysning", location: "Storgatan 1" },
    sensitiveData: { secretNote: "Hemlig uppgift" },
    applicantPersonId: resident.personId,
    applicantOrganisationId: null,
    submittedByPersonId: resident.personId,
    contactEmail: "maria@example.se",
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: "Storgatan 1", partyKind: "person", partyName: "Maria Nilsson" },
    attachments: { publicIds: [], ownerKey: "owner-handover" },
    ...extra,
  });
}

const later = (ms: number) => new Date(Date.now() + ms);
const rowOf = (reference: string) => db().select().from(caseExport).where(eq(caseExport.reference, reference)).get();

beforeAll(async () => {
  prepareDatabase();
  await listen();
  port = (server!.address() as AddressInfo).port;
  await loadModules();
  const m = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
  const a = db()
    .select()
    .from(administration)
    .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, "samhallsbyggnad")))
    .get()!;
  amal = { id: m.id, adminId: a.id };
  resident = viewerFor("199005122388", "Maria Nilsson");
});
afterAll(async () => {
  await stop();
});

describe("handing cases over", () => {
  it("queues the export in the case's own transaction: a rolled-back submission leaves no outbox row", () => {
    const before = db().select().from(caseExport).all().length;
    expect(() => newCase({ attachments: { publicIds: ["not-mine"], ownerKey: "owner-handover" } })).toThrow(
      cases.AttachmentMismatchError,
    );
    expect(db().select().from(caseExport).all()).toHaveLength(before);
    const c = newCase({ idempotencyKey: "handover-double-click-aaaaaaaa" });
    expect(rowOf(c.reference)).toMatchObject({ status: "pending", attempts: 0 });
    // The same submission again creates neither a case nor a second row.
    expect(newCase({ idempotencyKey: "handover-double-click-aaaaaaaa" })).toEqual({ ...c, created: false });
    expect(db().select().from(caseExport).where(eq(caseExport.reference, c.reference)).all()).toHaveLength(1);
  });

  it("hands a school application over only once the second guardian has signed", () => {
    const c = newCase({ area: "skola", formId: "skolval-ansokan", initialStatus: "awaiting_signatures" });
    expect(rowOf(c.reference)).toBeUndefined();
    cases.changeCaseStatus({ caseId: c.id, to: "received", via: "signing", actor: "applicant" });
    expect(rowOf(c.reference)).toMatchObject({ status: "pending" });
  });

  it("delivers the documented JSON with decrypted answers, attachments and the submission PDF to the webhook", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.4\nritning\n%%EOF\n");
    const upload = storeUpload({
      bytes,
      mime: "application/pdf",
      originalName: "ritning.pdf",
      ownerKey: "owner-handover",
      formId: "felanmalan-gata-park",
      field: "photo",
    });
    const c = newCase({ attachments: { publicIds: [upload.id], ownerKey: "owner-handover" } });
    const run = await outbox.deliverDueExports({ target: webhook() });
    expect(run.failed).toBe(0);
    expect(rowOf(c.reference)).toMatchObject({ status: "delivered", attempts: 1, lastError: null });
    const doc = kept.get(c.reference);
    expect(doc).toMatchObject({
      format: "dalsland-case-export/1",
      version: 1,
      reference: c.reference,
      case: {
        reference: c.reference,
        caseType: "felanmalan-gata-park",
        area: "allmant",
        status: "received",
        municipality: { code: "AML", slug: "amal" },
        applicant: { kind: "person", personnummer: "199005122388", givenName: "Maria", familyName: "Nilsson" },
        // The sensitive answer is decrypted for the receiving system only.
        answers: { category: "gatubelysning", location: "Storgatan 1", secretNote: "Hemlig uppgift" },
      },
    });
    expect(doc.attachments).toHaveLength(1);
    const a = doc.attachments[0];
    expect(a).toMatchObject({
      id: upload.id,
      field: "photo",
      name: "ritning.pdf",
      contentType: "application/pdf",
      size: bytes.byteLength,
    });
    expect(Buffer.from(a.contentBase64, "base64").equals(Buffer.from(bytes))).toBe(true);
    expect(a.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
    const pdf = Buffer.from(doc.submissionPdf.contentBase64, "base64");
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(doc.submissionPdf.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    // The secret never rests in the outbox table: the row holds only the reference and state.
    expect(JSON.stringify(rowOf(c.reference))).not.toContain("Hemlig");
  });

  it("exports a childcare application (no form definition) with its answers and a PDF", async () => {
    const mellerud = db().select().from(municipality).where(eq(municipality.slug, "mellerud")).get()!;
    const unit = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, mellerud.id))
      .all()
      .find((u) => u.kind === "forskola")!;
    const parsed = parseChildcareApplication({
      child: hmacIndex("202405142387"),
      careKind: "forskola",
      unit1: String(unit.id),
      desiredStart: "2026-08-17",
      hoursPerWeek: "35",
      specialNeeds: "Glutenfri kost",
    });
    if (!parsed.ok) throw new Error("bad childcare answers");
    const johan = viewerFor("197504049292");
    const r = (await submitChildcareApplication({
      viewer: johan,
      actor: null,
      answers: parsed.value,
      idempotencyKey: "handover-childcare",
      language: "sv",
      now: new Date("2026-03-02T10:00:00Z"),
    })) as { reference: string };
    expect(r.reference, JSON.stringify(r)).toMatch(/^MEL-/);
    expect(rowOf(r.reference)).toMatchObject({ status: "pending" });
    const { buildCaseExport } = await import("~/services/case-export.server");
    const doc = (await buildCaseExport(r.reference))!;
    expect(doc.case).toMatchObject({
      caseType: "forskola-ansokan",
      area: "barnomsorg",
      municipality: { slug: "mellerud" },
    });
    expect(JSON.stringify(doc.case.answers)).toContain("Glutenfri kost");
    expect(Buffer.from(doc.submissionPdf!.contentBase64, "base64").subarray(0, 5).toString()).toBe("%PDF-");
    // Out of the way of the delivery tests below, which count what is due.
    await outbox.deliverDueExports({ target: webhook() });
    expect(rowOf(r.reference)).toMatchObject({ status: "delivered" });
  });

  it("retries with growing back-off while the system refuses connections or answers 503, then delivers", async () => {
    const c = newCase();
    // Down: nothing listens on the port.
    await stop();
    expect(await outbox.deliverDueExports({ target: webhook() })).toMatchObject({ failed: 1, delivered: 0 });
    const first = rowOf(c.reference)!;
    expect(first).toMatchObject({ status: "pending", attempts: 1 });
    expect(first.lastError).toBe("fetch failed (ECONNREFUSED)");
    const wait1 = Date.parse(first.nextAttemptAt) - Date.now();
    expect(wait1).toBeGreaterThan(25_000);
    // Not due yet: no attempt.
    expect(await outbox.deliverDueExports({ target: webhook() })).toMatchObject({ attempted: 0 });
    expect(outbox.caseHandOver(c.reference)).toMatchObject({ state: "retrying", attempts: 1 });

    // Up again but overloaded.
    await listen(port);
    mode = "503";
    expect(await outbox.deliverDueExports({ target: webhook(), now: later(wait1 + 1000) })).toMatchObject({
      failed: 1,
    });
    const second = rowOf(c.reference)!;
    expect(second).toMatchObject({ attempts: 2, lastError: "webhook answered 503" });
    expect(Date.parse(second.nextAttemptAt) - Date.now()).toBeGreaterThan(wait1 * 1.5);

    mode = "up";
    const count = posts.filter((p) => p.key === c.reference).length;
    expect(await outbox.deliverDueExports({ target: webhook(), now: later(2 * 3_600_000) })).toMatchObject({
      delivered: 1,
    });
    expect(rowOf(c.reference)).toMatchObject({ status: "delivered", attempts: 3 });
    expect(posts.filter((p) => p.key === c.reference).length).toBe(count + 1);
    expect(outbox.caseHandOver(c.reference)).toMatchObject({ state: "delivered" });
  });

  it("after a restart between sending and recording, the receiver holds exactly one logical copy per case", async () => {
    const refs = [newCase().reference, newCase().reference, newCase().reference];
    let sent = 0;
    // The process dies right after the webhook accepted the second case, before recording it.
    const dying: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (++sent === 2) throw new Error("process killed");
      return response;
    };
    await outbox.deliverDueExports({ target: { ...webhook(), fetchImpl: dying } });
    expect(refs.map((r) => rowOf(r)!.status)).toEqual(["delivered", "pending", "delivered"]);

    // Restart: a new engine instance on the same database file.
    closeDatabase();
    vi.resetModules();
    await loadModules();
    await outbox.deliverDueExports({ target: webhook(), now: later(2 * 3_600_000) });
    expect(refs.every((r) => rowOf(r)!.status === "delivered")).toBe(true);

    const arrivals = posts.filter((p) => refs.includes(p.key));
    // At least once: the second case arrived twice, under the same key ...
    expect(arrivals.map((p) => p.key).sort()).toEqual([refs[0], refs[1], refs[1], refs[2]].sort());
    // ... exactly one logical copy each, identical in content apart from the export time.
    expect(new Set(arrivals.map((p) => p.key)).size).toBe(3);
    const [a, b] = arrivals.filter((p) => p.key === refs[1]).map((p) => ({ ...p.body, exportedAt: "" }));
    expect(a).toEqual(b);
    // And the portal never makes a second row or a second case for them.
    for (const r of refs)
      expect(db().select().from(caseExport).where(eq(caseExport.reference, r)).all()).toHaveLength(1);
  });

  it("writes JSON and PDF per reference to a folder outbox, replacing them on redelivery", async () => {
    const dir = mkdtempSync(join(tmpdir(), "outbox-folder-"));
    db().update(caseExport).set({ status: "delivered" }).run();
    const c = newCase();
    await outbox.deliverDueExports({ target: { kind: "folder", dir } });
    db().update(caseExport).set({ status: "pending" }).where(eq(caseExport.reference, c.reference)).run();
    await outbox.deliverDueExports({ target: { kind: "folder", dir } });
    expect(readdirSync(dir).sort()).toEqual([`${c.reference}.json`, `${c.reference}.pdf`]);
    const doc = JSON.parse(readFileSync(join(dir, `${c.reference}.json`), "utf8"));
    expect(doc).toMatchObject({ format: "dalsland-case-export/1", reference: c.reference });
    const pdf = readFileSync(join(dir, `${c.reference}.pdf`));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.equals(Buffer.from(doc.submissionPdf.contentBase64, "base64"))).toBe(true);
  });

  it("'Skicka igen' makes a failing case due now; a delivered one is not sent again", async () => {
    const c = newCase();
    mode = "503";
    await outbox.deliverDueExports({ target: webhook() });
    expect(Date.parse(rowOf(c.reference)!.nextAttemptAt)).toBeGreaterThan(Date.now() + 20_000);
    expect(outbox.retryCaseExportNow(c.reference)).toBe(true);
    expect(Date.parse(rowOf(c.reference)!.nextAttemptAt)).toBeLessThanOrEqual(Date.now());
    mode = "up";
    await outbox.deliverDueExports({ target: webhook() });
    expect(rowOf(c.reference)!.status).toBe("delivered");
    expect(outbox.retryCaseExportNow(c.reference)).toBe(false);
  });
});

// ---- the callback ---------------------------------------------------------------------------

type Action = (args: ActionFunctionArgs) => Promise<Response>;
async function callback(
  reference: string,
  body: unknown,
  token: string | null = TEST_INTEGRATION_SYSTEM.token,
  headers: Record<string, string> = {},
) {
  const request = new Request(`http://portal.test/api/v1/integration/cases/${reference}`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await (callbackRoute.action as Action)({
    request,
    params: { reference },
    context: { requestId: "t", clientIp: "127.0.0.1", cspNonce: "" },
  });
  return { status: response.status, body: (await response.json()) as any, response };
}

describe("the case-management system's callback", () => {
  it("refuses a missing or wrong token with 401, and audits it", async () => {
    const c = newCase();
    expect((await callback(c.reference, { status: "in_progress" }, null)).status).toBe(401);
    const wrong = await callback(c.reference, { status: "in_progress" }, "not-the-token-of-any-system-0000");
    expect(wrong.status).toBe(401);
    expect(wrong.body).toMatchObject({ error: "unauthorized" });
    expect(wrong.response.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect(
      db().select().from(auditEvent).where(eq(auditEvent.action, "integration.auth-failed")).all().length,
    ).toBeGreaterThanOrEqual(2);
    expect((await getMyCase({ reference: c.reference, viewer: resident }))!.case.status).toBe("received");
  });

  it("answers 404 for an unknown reference and for a case outside the system's municipalities", async () => {
    expect((await callback("AML-2026-999999", { status: "in_progress" })).status).toBe(404);
    // A second system that serves only Bengtsfors.
    const token = "token-for-bengtsfors-only-system-000000";
    const sys = db()
      .insert(integrationSystem)
      .values({ slug: "bengtsfors-only", name: "Bengtsfors ärendesystem", tokenHash: hashIntegrationToken(token) })
      .returning()
      .get();
    const ben = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!;
    db().insert(integrationSystemMunicipality).values({ systemId: sys.id, municipalityId: ben.id }).run();
    const c = newCase();
    const out = await callback(c.reference, { status: "in_progress" }, token);
    expect(out.status).toBe(404);
    expect(out.body.error).toBe("not_found");
    expect((await getMyCase({ reference: c.reference, viewer: resident }))!.case.status).toBe("received");
  });

  it("refuses an illegal transition with 409 and a JSON error naming the allowed moves, changing nothing", async () => {
    const c = newCase();
    const out = await callback(c.reference, {
      status: "awaiting_completion",
      message: { text: "Ska inte komma fram" },
    });
    expect(out.status).toBe(409);
    expect(out.body).toMatchObject({ error: "illegal_transition", from: "received", to: "awaiting_completion" });
    expect(out.body.allowed).toContain("in_progress");
    // All or nothing: the message in the same callback was not kept either.
    const caseId = listMyCases(resident).find((x) => x.reference === c.reference)!.id;
    expect(db().select().from(message).where(eq(message.caseId, caseId)).all()).toEqual([]);
    expect((await callback(c.reference, { status: "decided" })).body.error).toBe("decision_required");
    expect((await callback(c.reference, { status: "no-such-status" })).status).toBe(400);
    expect((await callback(c.reference, {})).status).toBe(400);
    expect((await callback(c.reference, "not json")).status).toBe(400);
    expect(
      (
        await callback(c.reference, { status: "in_progress" }, TEST_INTEGRATION_SYSTEM.token, {
          "Content-Type": "text/plain",
        })
      ).status,
    ).toBe(415);
  });

  it("changes the status, which the applicant then sees on Mina sidor with a notification", async () => {
    const c = newCase();
    const before = listNotifications(resident.personnummerHmac).length;
    const out = await callback(c.reference.toLowerCase(), { status: "in_progress", externalId: "cms-1" });
    expect(out.status).toBe(200);
    expect(out.body.data).toMatchObject({ reference: c.reference, status: "in_progress", duplicate: false });
    const mine = await getMyCase({ reference: c.reference, viewer: resident });
    expect(mine!.case.status).toBe("in_progress");
    expect(listMyCases(resident).find((x) => x.reference === c.reference)!.status).toBe("in_progress");
    expect(listNotifications(resident.personnummerHmac).length).toBe(before + 1);
    const audited = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "integration.callback"), eq(auditEvent.subjectId, c.reference)))
      .all();
    expect(audited.at(-1)!.details).toMatchObject({
      system: "arendesystem-test",
      outcome: "ok",
      from: "received",
      status: "in_progress",
    });
    // The status it already has is not a move: 200, nothing new.
    const events = (await getMyCase({ reference: c.reference, viewer: resident }))!.timeline.length;
    expect((await callback(c.reference, { status: "in_progress" })).status).toBe(200);
    expect((await getMyCase({ reference: c.reference, viewer: resident }))!.timeline.length).toBe(events);
    // The same update again (the system retried): applied once.
    const again = await callback(c.reference, { status: "in_progress", externalId: "cms-1" });
    expect(again.status).toBe(200);
    expect(again.body.data.duplicate).toBe(true);
  });

  it("adds a message to the applicant and records a decision, both visible on Mina sidor", async () => {
    const c = newCase();
    const m = await callback(c.reference, {
      message: { text: "Vi har tagit emot din anmälan och åtgärdar den i veckan." },
    });
    expect(m.status).toBe(200);
    expect(typeof m.body.data.messageId).toBe("number");
    let mine = (await getMyCase({ reference: c.reference, viewer: resident }))!;
    expect(mine.timeline.map((e) => e.kind)).toContain("message-out");

    const d = await callback(c.reference, {
      status: "in_progress",
      decision: { outcome: "approved", text: "Lampan byts ut på kommunens bekostnad." },
    });
    expect(d.status).toBe(200);
    expect(d.body.data).toMatchObject({ status: "decided", decision: "approved" });
    mine = (await getMyCase({ reference: c.reference, viewer: resident }))!;
    expect(mine.case.status).toBe("decided");
    expect(mine.timeline.filter((e) => e.kind === "message-out")).toHaveLength(2);
    const again = await callback(c.reference, {
      decision: { outcome: "rejected", text: "Ett andra beslut ska inte gå." },
    });
    expect(again.status).toBe(409);
  });

  it("a decision sent with a message tells the applicant once, not again for the message", async () => {
    const c = newCase();
    expect((await callback(c.reference, { status: "in_progress" })).status).toBe(200);
    const kindsNow = () =>
      listNotifications(resident.personnummerHmac)
        .filter((n) => n.caseId === c.id)
        .map((n) => n.kind);
    expect(kindsNow()).toEqual(["case-status"]);
    const d = await callback(c.reference, {
      message: { text: "Beslutet bifogas. Hör av dig om du har frågor." },
      decision: { outcome: "approved", text: "Lampan byts ut på kommunens bekostnad." },
    });
    expect(d.status).toBe(200);
    // in_progress → decided is one change: one notification, of the decision (decision 079).
    expect(kindsNow()).toEqual(["decision", "case-status"]);
  });

  it("answers hostile bodies and references with a 4xx, never a 500", async () => {
    const c = newCase();
    const bodies: unknown[] = [
      "null",
      "[]",
      '"x"',
      "1",
      "{",
      '{"__proto__": {"status": "closed"}}',
      { status: 5 },
      { status: ["in_progress"] },
      { message: { text: "" } },
      { message: { text: "x".repeat(5001) } },
      { message: "hej" },
      { decision: { outcome: "maybe", text: "tillräckligt lång text" } },
      { decision: { outcome: "approved", text: "kort" } },
      { decision: { outcome: "approved", text: "tillräckligt lång text", decidedAt: "igår" } },
      { status: "in_progress", admin: true },
      { externalId: "x".repeat(101), status: "in_progress" },
      "x".repeat(70 * 1024),
    ];
    for (const body of bodies) {
      const out = await callback(c.reference, body);
      expect(out.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(out.status, JSON.stringify(body).slice(0, 80)).toBeLessThan(500);
    }
    for (const reference of ["<script>", "AML-2026-000001%00", "../../etc", "x".repeat(300)]) {
      const out = await callback(encodeURIComponent(reference), { status: "in_progress" });
      expect(out.status).toBe(404);
      expect(JSON.stringify(out.body)).not.toContain("<script>");
    }
    expect((await getMyCase({ reference: c.reference, viewer: resident }))!.case.status).toBe("received");
  });

  it("lets exactly the token-authenticated callback past the server's cross-origin refusal", () => {
    expect(isTokenAuthenticatedCallback("POST", "/api/v1/integration/cases/AML-2026-000001", "Bearer abc")).toBe(true);
    expect(isTokenAuthenticatedCallback("POST", "/api/v1/integration/cases/AML-2026-000001", undefined)).toBe(false);
    expect(isTokenAuthenticatedCallback("PUT", "/api/v1/integration/cases/AML-2026-000001", "Bearer abc")).toBe(false);
    expect(isTokenAuthenticatedCallback("POST", "/api/v1/integration/cases/AML-2026-000001/x", "Bearer abc")).toBe(
      false,
    );
    expect(isTokenAuthenticatedCallback("POST", "/handlaggare/arenden/AML-2026-000001", "Bearer abc")).toBe(false);
    expect(isTokenAuthenticatedCallback("POST", "/api/v1/integration/cases/../../logga-ut", "Bearer abc")).toBe(false);
  });
});
