import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { count } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseTable } from "../../db/schema/index";
import { NAVET_ORDER_ID, NAVET_ORG_NR, navetListener } from "../stand-ins/navet";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action as childcareAction, loader as childcareLoader } from "~/routes/mina-sidor.barnomsorg.ansok";
import type { ResidentUser } from "~/auth/guards.server";
import { resolveFieldHooks, submitHandlerFor } from "~/services/form-hooks.server";
import { getFormDefinition } from "~/services/forms.server";
import type { ChoiceField, FormValues } from "../../forms/types";
import { navetPopulationRegister } from "~/services/population-navet.server";
import { usePopulationRegisterForTests } from "~/services/population.server";
import { viewerFor } from "./people-helper";

/**
 * Issue 19, decisions 067 and 074: Navet stops answering while a guardian is filling in the
 * preschool or school application. The real Navet client talks to the Navet stand-in over HTTP;
 * the stand-in is taken down for everyone, once with Skatteverket's SOAP fault (HTTP 500) and once
 * by not answering within the client's time-out. The form actions answer 503 with a translated
 * field message and every value the guardian typed, create no case, and never answer 500.
 */
const SARA = "198412179288"; // guardian in Bengtsfors (db/seed/content/people.ts)
const SEED = "r".repeat(43);
let outage: "fault" | "slow" | undefined;
let server: Server;
let cookie = "";
let sara: ResidentUser;

beforeAll(async () => {
  prepareDatabase();
  server = createServer(navetListener({ outage: () => outage, slowMs: 3_000 }));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  usePopulationRegisterForTests(
    navetPopulationRegister({
      url: `http://127.0.0.1:${port}/na/na_epersondata/V2/personpostXML`,
      orgNr: NAVET_ORG_NR,
      orderId: NAVET_ORDER_ID,
      attempts: 2,
      backoffMs: 10,
      timeoutMs: 300,
    }),
  );
  const { personId } = viewerFor(SARA, "Sara Lindqvist");
  sara = { kind: "resident", personId } as unknown as ResidentUser;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "resident", personId });
  cookie = `csrf=${SEED}; ${setCookie.split(";")[0]!}`;
});

afterAll(async () => {
  usePopulationRegisterForTests(undefined);
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

function get(path: string) {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
}

async function post(path: string, fields: Record<string, string>) {
  const token = await csrfToken(get("/"));
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  });
}

type Answered = {
  init?: { status?: number };
  data?: { values?: Record<string, string>; errors?: Record<string, string> };
};

function cases(): number {
  return db().select({ n: count() }).from(caseTable).get()!.n;
}

describe("Navet stops answering while a guardian applies", () => {
  let childcareFields: Record<string, string> = {};
  let schoolAnswers: FormValues = {};
  // School choice runs on the form engine (decision 090): its look-up and its submit handler.
  const school = () => getFormDefinition("skolval-ansokan")!;
  const options = (def: ReturnType<typeof school>, name: string) =>
    (def.steps.flatMap((s) => s.fields).find((f) => f.name === name) as ChoiceField).options;

  it("with Navet answering, both pages list the guardian's children from the stand-in (the control)", async () => {
    outage = undefined;
    const childcare = await childcareLoader({
      request: get("/mina-sidor/barnomsorg/ansok"),
      params: {},
      context: {} as never,
    });
    expect(childcare.registerUnavailable).toBe(false);
    const child = childcare.children[0]!;
    const unit = childcare.units.find((u) => u.kind === "forskola")!;
    childcareFields = {
      intent: "submit",
      child: child.hmac,
      careKind: "forskola",
      municipality: String(unit.municipalityId),
      unit1: String(unit.id),
      desiredStart: "2027-08-16",
      hoursPerWeek: "30",
      specialNeeds: "Allergi mot nötter.",
      idempotencyKey: childcare.idempotencyKey,
    };
    const resolved = await resolveFieldHooks(school(), { answers: {}, user: sara, lang: "sv" });
    expect(resolved.unavailable).toEqual([]);
    schoolAnswers = {
      child: options(resolved.def, "child")[0]!.value,
      applicationType: "skolbyte",
      school1: options(resolved.def, "school1")[0]!.value,
      startDate: "2027-08-16",
      reason: "Närmare till morfar.",
    };
  });

  for (const kind of ["fault", "slow"] as const) {
    it(`${kind === "fault" ? "a SOAP fault (HTTP 500)" : "no answer within the time-out"}: the childcare review and submit answer 503 with the typed values, no case`, async () => {
      outage = kind;
      const before = cases();
      for (const intent of ["review", "submit"]) {
        const fields = { ...childcareFields, intent };
        const r = (await childcareAction({
          request: await post("/mina-sidor/barnomsorg/ansok", fields),
          params: {},
          context: {} as never,
        })) as Answered;
        expect(r.init?.status).toBe(503);
        expect(r.data?.errors).toEqual({ child: "registerUnavailable" });
        for (const [k, v] of Object.entries(fields)) if (k !== "intent") expect(r.data?.values?.[k]).toBe(v);
      }
      expect(cases()).toBe(before);
    });

    it(`${kind === "fault" ? "a SOAP fault (HTTP 500)" : "no answer within the time-out"}: the school submit handler refuses with the register's message, no case`, async () => {
      outage = kind;
      const before = cases();
      // The check page shows the refusal and keeps the draft (the engine deletes it only after a case).
      const r = await submitHandlerFor(school())!({
        def: school(),
        answers: schoolAnswers,
        user: sara,
        lang: "sv",
        idempotencyKey: `navet-${kind}`,
      });
      expect(r).toEqual({
        ok: false,
        messages: ["Folkbokföringen svarar inte just nu. Dina uppgifter finns kvar – försök igen om en stund."],
      });
      expect(cases()).toBe(before);
    });
  }
});
