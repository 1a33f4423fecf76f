import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ActionFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { administration, auditEvent, caseExport, integrationSystem, municipality } from "../../db/schema/index";
import { TEST_INTEGRATION_SYSTEM } from "../../db/seed/integration";
import type { SessionUser } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import * as callbackRoute from "~/routes/api.v1.integration.cases.$reference";
import { buildCaseExport } from "~/services/case-export.server";
import { createCase } from "~/services/cases.server";
import {
  checkTarget,
  createIntegrationSystem,
  deactivateIntegrationSystem,
  getIntegrationSystem,
  IntegrationInputError,
  IntegrationNotFoundError,
  listIntegrationSystems,
  listWaitingCases,
  rotateIntegrationToken,
  setIntegrationRoutes,
} from "~/services/integration-systems.server";
import { deliverDueExports, setExportBuilder, WAITING_FOR_ROUTE } from "~/services/outbox.server";
import { viewerFor } from "./people-helper";

/*
 * Hand-over per municipality × area (docs/decisions/058): two municipalities' building-permit
 * cases go to two different case-management systems, two real HTTP servers on 127.0.0.1 that
 * each verify the signature with their own secret; a third municipality with no route keeps its
 * case waiting; the callback API takes a system's token only for cases of its routes.
 */

interface Receiver {
  server: Server;
  url: string;
  received: { reference: string; municipality: unknown }[];
  rejected: number;
}

function receiver(secret: string): Promise<Receiver> {
  const r: Receiver = { server: createServer(), url: "", received: [], rejected: 0 };
  r.server.on("request", (req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const expected = Buffer.from(`sha256=${createHmac("sha256", secret).update(body).digest("hex")}`);
      const given = Buffer.from(String(req.headers["x-portal-signature"] ?? ""));
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        r.rejected++;
        return void res.writeHead(401).end();
      }
      const doc = JSON.parse(body.toString("utf8")) as { reference: string; case: { municipality?: unknown } };
      r.received.push({ reference: doc.reference, municipality: doc.case.municipality });
      res.writeHead(202).end();
    });
  });
  return new Promise((resolve) =>
    r.server.listen(0, "127.0.0.1", () => {
      r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/cases`;
      resolve(r);
    }),
  );
}

const SECRET_AML = "amal-bygglov-signing-secret-0001";
const SECRET_BEN = "bengtsfors-bygglov-secret-0002";

let amalSystem: Receiver;
let benSystem: Receiver;
const ids: Record<string, { id: number; adminId: number }> = {};
let resident = { personId: 0 };
let keyNo = 0;

const portalAdmin: SessionUser = {
  sessionId: "integration-routing-test",
  kind: "staff",
  staffUserId: 0,
  name: "Portal admin (test)",
  roles: [{ role: "admin", municipalityId: null, area: null, administrationId: null }],
};

function bygglovCase(slug: string) {
  keyNo++;
  const m = ids[slug]!;
  return createCase({
    idempotencyKey: `routing-${slug}-${keyNo}-aaaaaaaaaaaaaaaa`,
    municipalityId: m.id,
    administrationId: m.adminId,
    formId: "felanmalan-gata-park",
    formVersion: 1,
    area: "bygglov",
    sensitivity: "public",
    data: { category: "gatubelysning", location: "Storgatan 1" },
    sensitiveData: {},
    applicantPersonId: resident.personId,
    applicantOrganisationId: null,
    submittedByPersonId: resident.personId,
    contactEmail: "maria@example.se",
    submitterKey: null,
    language: "sv",
    decisionDays: null,
    diarium: { subject: "Storgatan 1", partyKind: "person", partyName: "Maria Nilsson" },
    attachments: { publicIds: [], ownerKey: "owner-routing" },
  });
}

async function callBack(reference: string, token: string) {
  const request = new Request(`http://localhost/api/v1/integration/cases/${reference}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
    body: JSON.stringify({ message: { text: "Vi har tagit emot ditt ärende." } }),
  });
  const response = await callbackRoute.action({
    request,
    params: { reference },
    context: {},
  } as unknown as ActionFunctionArgs);
  return response.status;
}

const exportOf = (reference: string) =>
  db().select().from(caseExport).where(eq(caseExport.reference, reference)).get()!;

let tokens: Record<string, string> = {};
let systemIds: Record<string, number> = {};

beforeAll(async () => {
  prepareDatabase();
  setExportBuilder((reference) => buildCaseExport(reference));
  for (const slug of ["amal", "bengtsfors", "mellerud"]) {
    const m = db().select().from(municipality).where(eq(municipality.slug, slug)).get()!;
    const a = db()
      .select()
      .from(administration)
      .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, "samhallsbyggnad")))
      .get()!;
    ids[slug] = { id: m.id, adminId: a.id };
  }
  resident = viewerFor("199005122388", "Maria Nilsson");
  amalSystem = await receiver(SECRET_AML);
  benSystem = await receiver(SECRET_BEN);
  const amal = createIntegrationSystem({
    actor: portalAdmin,
    scope: null,
    name: "Åmål bygglov",
    slug: "amal-bygglov",
    municipalityIds: [ids.amal!.id],
    targetKind: "webhook",
    target: amalSystem.url,
    secret: SECRET_AML,
  });
  const ben = createIntegrationSystem({
    actor: portalAdmin,
    scope: null,
    name: "Bengtsfors bygglov",
    slug: "bengtsfors-bygglov",
    municipalityIds: [ids.bengtsfors!.id],
    targetKind: "webhook",
    target: benSystem.url,
    secret: SECRET_BEN,
  });
  setIntegrationRoutes({
    actor: portalAdmin,
    scope: null,
    systemId: amal.id,
    routes: [{ municipalityId: ids.amal!.id, area: "bygglov" }],
  });
  setIntegrationRoutes({
    actor: portalAdmin,
    scope: null,
    systemId: ben.id,
    routes: [{ municipalityId: ids.bengtsfors!.id, area: "bygglov" }],
  });
  tokens = { amal: amal.token, bengtsfors: ben.token };
  systemIds = { amal: amal.id, bengtsfors: ben.id };
});

afterAll(async () => {
  for (const r of [amalSystem, benSystem]) {
    r.server.closeAllConnections();
    await new Promise((done) => r.server.close(done));
  }
});

describe("hand-over per municipality and area", () => {
  let amalRef = "";
  let benRef = "";
  let mellerudRef = "";

  it("sends each municipality's bygglov case to its own system, signed with that system's secret", async () => {
    amalRef = bygglovCase("amal").reference;
    benRef = bygglovCase("bengtsfors").reference;
    mellerudRef = bygglovCase("mellerud").reference;
    // No fallback target: only routes decide (as in production).
    const run = await deliverDueExports({ target: { kind: "off" } });
    expect(run).toMatchObject({ delivered: 2, failed: 0, waiting: 1 });
    expect(amalSystem.received.map((r) => r.reference)).toEqual([amalRef]);
    expect(benSystem.received.map((r) => r.reference)).toEqual([benRef]);
    expect(amalSystem.rejected + benSystem.rejected).toBe(0);
    expect(exportOf(amalRef)).toMatchObject({ status: "delivered", systemId: systemIds.amal });
    expect(exportOf(benRef)).toMatchObject({ status: "delivered", systemId: systemIds.bengtsfors });
    expect(exportOf(amalRef).deliveredTo).toMatch(/^amal-bygglov webhook:127\.0\.0\.1:/);
  });

  it("keeps a case with no route waiting, visible to admins, instead of sending it anywhere", async () => {
    expect(exportOf(mellerudRef)).toMatchObject({ status: "pending", attempts: 0, lastError: WAITING_FOR_ROUTE });
    expect(listWaitingCases(null).map((w) => w.reference)).toContain(mellerudRef);
    // A Mellerud admin sees it; an Åmål admin does not.
    expect(listWaitingCases([ids.mellerud!.id]).map((w) => w.reference)).toContain(mellerudRef);
    expect(listWaitingCases([ids.amal!.id]).map((w) => w.reference)).not.toContain(mellerudRef);
    // Still waiting later on, and neither receiver has seen it.
    await deliverDueExports({ target: { kind: "off" }, now: new Date(Date.now() + 3_600_000) });
    expect(exportOf(mellerudRef).status).toBe("pending");
    expect([...amalSystem.received, ...benSystem.received].map((r) => r.reference)).not.toContain(mellerudRef);
  });

  it("a receiver that checks signatures refuses a body signed with another system's secret", async () => {
    // Point Bengtsfors's route at Åmål's receiver but keep Bengtsfors's secret: Åmål's server refuses.
    db()
      .update(integrationSystem)
      .set({ target: amalSystem.url })
      .where(eq(integrationSystem.id, systemIds.bengtsfors!))
      .run();
    const ref = bygglovCase("bengtsfors").reference;
    expect(await deliverDueExports({ target: { kind: "off" } })).toMatchObject({ failed: 1, delivered: 0 });
    expect(amalSystem.rejected).toBe(1);
    expect(exportOf(ref)).toMatchObject({ status: "pending", attempts: 1, lastError: "webhook answered 401" });
    db()
      .update(integrationSystem)
      .set({ target: benSystem.url })
      .where(eq(integrationSystem.id, systemIds.bengtsfors!))
      .run();
    expect(await deliverDueExports({ target: { kind: "off" }, now: new Date(Date.now() + 7_200_000) })).toMatchObject({
      delivered: 1,
    });
    expect(benSystem.received.map((r) => r.reference)).toContain(ref);
  });

  it("the callback API accepts a system's token only for cases of its routes", async () => {
    expect(await callBack(amalRef, tokens.amal!)).toBe(200);
    expect(await callBack(benRef, tokens.bengtsfors!)).toBe(200);
    // The other municipality's case: as unknown (no oracle).
    expect(await callBack(benRef, tokens.amal!)).toBe(404);
    expect(await callBack(amalRef, tokens.bengtsfors!)).toBe(404);
    // The waiting Mellerud case belongs to no system yet: neither routed system reaches it.
    expect(await callBack(mellerudRef, tokens.amal!)).toBe(404);
    // The test system, which belongs to every municipality, cannot reach a case handed to Åmål's system.
    expect(await callBack(amalRef, TEST_INTEGRATION_SYSTEM.token)).toBe(404);
  });

  it("a routed Mellerud system receives the waiting case once its route is set", async () => {
    const mellerud = createIntegrationSystem({
      actor: portalAdmin,
      scope: [ids.mellerud!.id],
      name: "Mellerud bygglov",
      slug: "mellerud-bygglov",
      municipalityIds: [ids.mellerud!.id],
      targetKind: "webhook",
      target: benSystem.url.replace("/cases", "/mellerud"),
      secret: SECRET_BEN,
    });
    setIntegrationRoutes({
      actor: portalAdmin,
      scope: [ids.mellerud!.id],
      systemId: mellerud.id,
      routes: [{ municipalityId: ids.mellerud!.id, area: "bygglov" }],
    });
    // The route change made the waiting case due now, without its five-minute wait.
    expect(await deliverDueExports({ target: { kind: "off" } })).toMatchObject({ delivered: 1 });
    expect(exportOf(mellerudRef)).toMatchObject({ status: "delivered", systemId: mellerud.id });
    expect(listWaitingCases(null).map((w) => w.reference)).not.toContain(mellerudRef);
  });
});

describe("administering integration systems", () => {
  it("production takes a webhook only over https and with a signing secret, and a folder only as an absolute path", () => {
    const code = (f: () => unknown) => {
      try {
        f();
        return "accepted";
      } catch (error) {
        return error instanceof IntegrationInputError ? `${error.field}.${error.code}` : "other";
      }
    };
    expect(code(() => checkTarget("webhook", "http://arende.example.se/in", true, true))).toBe("target.https");
    expect(code(() => checkTarget("webhook", "https://arende.example.se/in", false, true))).toBe("secret.required");
    expect(code(() => checkTarget("webhook", "https://arende.example.se/in", true, true))).toBe("accepted");
    expect(code(() => checkTarget("webhook", "http://127.0.0.1:9/in", false, false))).toBe("accepted");
    expect(code(() => checkTarget("webhook", "https://user:pw@arende.example.se/", true, true))).toBe("target.url");
    expect(code(() => checkTarget("folder", "relative/outbox", false, true))).toBe("target.folder");
    expect(code(() => checkTarget("folder", "/srv/arende/inbox", false, true))).toBe("accepted");
    expect(code(() => checkTarget("ftp", "/srv", false, false))).toBe("target.kind");
  });

  it("a municipal admin neither sees nor changes another municipality's system, and cannot route outside its own", () => {
    const amalScope = [ids.amal!.id];
    expect(listIntegrationSystems(amalScope).map((s) => s.slug)).toEqual(["amal-bygglov"]);
    expect(() => getIntegrationSystem(amalScope, systemIds.bengtsfors!)).toThrow(IntegrationNotFoundError);
    expect(() =>
      rotateIntegrationToken({ actor: portalAdmin, scope: amalScope, systemId: systemIds.bengtsfors! }),
    ).toThrow(IntegrationNotFoundError);
    expect(() =>
      setIntegrationRoutes({
        actor: portalAdmin,
        scope: amalScope,
        systemId: systemIds.amal!,
        routes: [{ municipalityId: ids.bengtsfors!.id, area: "bygglov" }],
      }),
    ).toThrow(IntegrationInputError);
  });

  it("never returns the secret or token, and a rotated token replaces the old one at once", async () => {
    const summary = getIntegrationSystem(null, systemIds.amal!);
    expect(JSON.stringify(summary)).not.toContain(SECRET_AML);
    expect(summary).toMatchObject({ hasSecret: true, targetKind: "webhook" });
    const stored = db().select().from(integrationSystem).where(eq(integrationSystem.id, systemIds.amal!)).get()!;
    expect(stored.secretCiphertext).not.toContain(SECRET_AML);
    const fresh = rotateIntegrationToken({ actor: portalAdmin, scope: null, systemId: systemIds.amal! });
    const ref = db().select().from(caseExport).where(eq(caseExport.systemId, systemIds.amal!)).get()!.reference;
    expect(await callBack(ref, tokens.amal!)).toBe(401);
    expect(await callBack(ref, fresh)).toBe(200);
    tokens.amal = fresh;
  });

  it("audits every change without the secret or the token", () => {
    const events = db()
      .select()
      .from(auditEvent)
      .all()
      .filter((e) => e.action.startsWith("integration.") && e.action !== "integration.callback");
    const actions = new Set(events.map((e) => e.action));
    for (const a of ["integration.system-created", "integration.routes-set", "integration.token-rotated"])
      expect(actions).toContain(a);
    const text = JSON.stringify(events);
    expect(text).not.toContain(SECRET_AML);
    expect(text).not.toContain(tokens.amal!);
  });

  it("a deactivated system loses its routes and its callbacks; its municipality's new cases wait", async () => {
    deactivateIntegrationSystem({ actor: portalAdmin, scope: null, systemId: systemIds.amal! });
    const ref = bygglovCase("amal").reference;
    expect(await deliverDueExports({ target: { kind: "off" } })).toMatchObject({ waiting: 1, delivered: 0 });
    expect(exportOf(ref).status).toBe("pending");
    expect(await callBack(ref, tokens.amal!)).toBe(401);
  });
});
