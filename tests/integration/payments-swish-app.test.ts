import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import QRCode from "qrcode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSwishStandIn } from "./swish-harness";
import { municipality, payment } from "../../db/schema/index";
import { swishSimulator } from "../stand-ins/swish";
import { createSession, setActing } from "~/auth/session.server";
import { db } from "~/db.server";
import { resetEnvForTests } from "~/env.server";
import { swishAppSwitchUrl } from "~/services/payment-provider";
import { paymentQrCode, paymentRequestToken, startPayment } from "~/services/payments.server";
import { findOrCreatePersonAtLogin } from "~/services/people.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { payersPayment } from "~/services/form-payment.server";
import type { ResidentUser } from "~/auth/guards.server";
import { loader as qrLoader } from "~/routes/betalning.$id_.qr";
import { loader as statusLoader } from "~/routes/betalning.$id_.status";
import { loader as oldPathLoader } from "~/routes/bygglov.ansok.betalning.$";

/**
 * The m-commerce flow against the local Swish simulator (decision 094): a payment request without
 * the payer's number answers a PaymentRequestToken; the portal keeps it encrypted, builds the app
 * switch from it, serves Swish's QR code of it, and its status route answers only the payer.
 */
const sim = swishSimulator({ delayMs: 30 });
let swishBase = "";
let standIn: Awaited<ReturnType<typeof startSwishStandIn>>;
let bengtsfors = 0;

beforeAll(async () => {
  standIn = await startSwishStandIn(sim);
  swishBase = standIn.swishBase;
  process.env.SWISH_QR_URL = `${swishBase}/qrg-swish`;
  resetEnvForTests();
  bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
});

afterAll(async () => {
  delete process.env.SWISH_QR_URL;
  await standIn.close();
});

const row = (uuid: string) => db().select().from(payment).where(eq(payment.instructionUuid, uuid)).get()!;

/** A signed-in resident acting for themself: the cookie, and the owner key of their bygglov draft. */
async function resident(personnummer: string, givenName: string) {
  const { person } = findOrCreatePersonAtLogin({
    personnummer,
    givenName,
    familyName: "Test",
    protectedIdentity: false,
  });
  const { setCookie, sessionId } = await createSession(new Request("http://localhost/"), {
    kind: "resident",
    personId: person.id,
  });
  setActing(sessionId, { kind: "self" });
  return { cookie: setCookie.split(";")[0]!, ownerKey: personOwnerKey(person.id), personId: person.id };
}

const get = (path: string, cookie: string | null) =>
  new Request(`http://localhost${path}`, { headers: cookie ? { Cookie: cookie } : {} });

/** The modules of a QR code drawn as qrcode's SVG draws them: one `h` run per dark stretch of a row. */
function modulesOfSvg(svg: string): { size: number; dark: Set<string> } {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const d = /<path stroke="#000000" d="([^"]+)"/.exec(svg)?.[1] ?? "";
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === "M") [x, y] = [Number(a), Number(b)];
    else if (op === "m") [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i},${Math.floor(y)}`);
      x += Number(a);
    }
  }
  return { size, dark };
}

async function appPayment(ownerKey: string, personId: number | null) {
  const started = await startPayment({
    actor: "system",
    personId,
    ownerKey,
    municipalityId: bengtsfors,
    purpose: "bygglov-ansokan",
    amount: 3_100,
    phone: null,
    message: "Bygglovsavgift",
  });
  if (!started.ok) throw new Error(`not started: ${started.error}`);
  return started.instructionUuid;
}

describe("Swish on this device or another (m-commerce)", () => {
  it("asks Swish without a payer number, keeps the token encrypted, and stays open until the payer answers", async () => {
    const uuid = await appPayment("t:app", null);
    const simulated = sim.payments.get(uuid)!;
    expect(simulated.payerAlias).toBe("");
    expect(simulated.token).toMatch(/^[0-9a-f]{32}$/);
    const stored = row(uuid);
    expect(stored.requestToken).not.toBeNull();
    expect(stored.requestToken).not.toContain(simulated.token!);
    expect(paymentRequestToken(stored)).toBe(simulated.token);
    await new Promise((r) => setTimeout(r, 100));
    expect(row(uuid).status).toBe("CREATED");
    expect(swishAppSwitchUrl(simulated.token!, "https://portal.example/b?x=1")).toBe(
      `swish://paymentrequest?token=${simulated.token}&callbackurl=https%3A%2F%2Fportal.example%2Fb%3Fx%3D1`,
    );
  });

  it("serves Swish's QR code, which holds exactly the request's token", async () => {
    const uuid = await appPayment("t:qr", null);
    const token = sim.payments.get(uuid)!.token!;
    const qr = await paymentQrCode(row(uuid));
    expect(qr?.contentType).toBe("image/svg+xml");
    const svg = qr!.body.toString("utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    // Read the drawn modules back and compare them with the QR code of the token itself.
    const drawn = modulesOfSvg(svg);
    const expected = QRCode.create(token, { errorCorrectionLevel: "M" }).modules;
    expect(drawn.size).toBe(expected.size + 2);
    let mismatches = 0;
    for (let y = 0; y < expected.size; y++)
      for (let x = 0; x < expected.size; x++)
        if (Boolean(expected.get(y, x)) !== drawn.dark.has(`${x + 1},${y + 1}`)) mismatches++;
    expect(mismatches).toBe(0);
    // Another token's code differs: the comparison can fail.
    const other = QRCode.create(`${token.slice(1)}0`, { errorCorrectionLevel: "M" }).modules;
    let differs = 0;
    for (let y = 0; y < other.size; y++)
      for (let x = 0; x < other.size; x++)
        if (Boolean(other.get(y, x)) !== drawn.dark.has(`${x + 1},${y + 1}`)) differs++;
    expect(differs).toBeGreaterThan(0);
  });

  it("is settled PAID by the callback once the payer answers in the app, and then has no QR code", async () => {
    const uuid = await appPayment("t:app-paid", null);
    const token = sim.payments.get(uuid)!.token!;
    const answered = await fetch(`${swishBase}/swish-cpcapi/simulator/${token}/paid`, { method: "POST" });
    expect(answered.status).toBe(204);
    for (let i = 0; i < 100 && row(uuid).status === "CREATED"; i++) await new Promise((r) => setTimeout(r, 20));
    expect(row(uuid).status).toBe("PAID");
    expect(row(uuid).paymentReference).toMatch(/^[0-9A-F]{32}$/);
    expect(await paymentQrCode(row(uuid))).toBeNull();
    // The simulator answers a settled request only once.
    expect((await fetch(`${swishBase}/swish-cpcapi/simulator/${token}/paid`, { method: "POST" })).status).toBe(404);
  });

  it("answers the status and the QR code only to the payer", async () => {
    const payer = await resident("198112189876", "Payer");
    const other = await resident("198412179288", "Other");
    const uuid = await appPayment(payer.ownerKey, payer.personId);
    const args = (path: string, cookie: string | null) =>
      ({
        request: get(path, cookie),
        params: { id: uuid },
        context: {} as LoaderFunctionArgs["context"],
      }) as LoaderFunctionArgs;

    const own = await statusLoader(args(`/betalning/${uuid}/status`, payer.cookie));
    expect(own.status).toBe(200);
    expect(own.headers.get("cache-control")).toBe("no-store");
    expect(await own.json()).toEqual({ status: "CREATED" });
    const ownQr = await qrLoader(args(`/betalning/${uuid}/qr`, payer.cookie));
    expect(ownQr.status).toBe(200);
    expect(ownQr.headers.get("content-type")).toBe("image/svg+xml");
    expect(ownQr.headers.get("content-security-policy")).toContain("default-src 'none'");

    const foreign = await statusLoader(args(`/betalning/${uuid}/status`, other.cookie));
    expect(foreign.status).toBe(404);
    expect((await qrLoader(args(`/betalning/${uuid}/qr`, other.cookie))).status).toBe(404);

    const anonymous = await statusLoader(args(`/betalning/${uuid}/status`, null)).catch(
      (thrown: unknown) => thrown as Response,
    );
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toContain("/logga-in");

    await fetch(`${swishBase}/swish-cpcapi/simulator/${sim.payments.get(uuid)!.token}/declined`, { method: "POST" });
    let status = "CREATED";
    for (let i = 0; i < 100 && status === "CREATED"; i++) {
      await new Promise((r) => setTimeout(r, 20));
      const answer = await statusLoader(args(`/betalning/${uuid}/status`, payer.cookie));
      status = ((await answer.json()) as { status: string }).status;
    }
    expect(status).toBe("DECLINED");
  });

  it("finds a payment made while acting for a company only while acting for that company (the engine's owner key, 104)", async () => {
    const payer = await resident("198112189876", "Payer");
    const company = "559312-8415";
    const uuid = await appPayment(personOwnerKey(payer.personId, company), payer.personId);
    const base = { sessionId: "s", kind: "resident" as const, personId: payer.personId };
    const request = new Request(`http://localhost/betalning/${uuid}`);
    const asCompany = {
      ...base,
      acting: { kind: "organisation" as const, organisationId: 1, orgNumber: company, name: "Johanssons" },
    };
    expect(payersPayment(request, asCompany as ResidentUser, uuid)?.payment.instructionUuid).toBe(uuid);
    expect(payersPayment(request, asCompany as ResidentUser, uuid)?.back).toBe(
      "/blanketter/bygglov-ansokan/kontrollera",
    );
    expect(payersPayment(request, { ...base, acting: { kind: "self" } } as ResidentUser, uuid)).toBeNull();
  });

  it("sends a payment under way at its old address on to /betalning/… (308), and nothing else (decision 111)", () => {
    const old = (rest: string, search = "") =>
      oldPathLoader({
        request: new Request(`http://localhost/bygglov/ansok/betalning/${rest}${search}`),
        params: { "*": rest },
        context: {} as LoaderFunctionArgs["context"],
      } as LoaderFunctionArgs);
    const id = "0123456789ABCDEF0123456789ABCDEF";
    for (const [rest, to] of [
      [id, `/betalning/${id}`],
      [`${id}/status`, `/betalning/${id}/status`],
      [`${id}/qr`, `/betalning/${id}/qr`],
    ] as const) {
      const answer = old(rest) as Response;
      expect(answer.status).toBe(308);
      expect(answer.headers.get("location")).toBe(to);
    }
    expect((old(id, "?lang=en") as Response).headers.get("location")).toBe(`/betalning/${id}?lang=en`);
    for (const rest of ["x", `${id}/other`, `${id}/qr/more`, ""]) {
      let thrown: unknown;
      try {
        old(rest);
      } catch (error) {
        thrown = error;
      }
      expect((thrown as Response).status, rest).toBe(404);
    }
  });
});
