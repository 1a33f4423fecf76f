import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { and, count, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseTable, childcareUnit, municipality } from "../../db/schema/index";
import type { ChoiceField, FormDefinition, FormValues } from "../../forms/types";
import { NAVET_ORDER_ID, NAVET_ORG_NR, navetListener } from "../stand-ins/navet";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action as checkAction, loader as checkLoader } from "~/routes/blanketter.$id_.kontrollera";
import { action as stepAction, loader as stepLoader } from "~/routes/blanketter.$id_.$step";
import type { ResidentUser } from "~/auth/guards.server";
import { resolveFieldHooks, submitHandlerFor } from "~/services/form-hooks.server";
import { getFormDefinition } from "~/services/forms.server";
import { navetPopulationRegister } from "~/services/population-navet.server";
import { usePopulationRegisterForTests } from "~/services/population.server";
import { viewerFor } from "./people-helper";

/**
 * Issue 19, decisions 067 and 074: Navet stops answering while a guardian is filling in the
 * preschool or school application (the preschool one on the form engine, decision 089). The real
 * Navet client talks to the Navet stand-in over HTTP;
 * the stand-in is taken down for everyone, once with Skatteverket's SOAP fault (HTTP 500) and once
 * by not answering within the client's time-out. The form actions answer 503 with a translated
 * message, keep every value the guardian typed (the school form's values, the engine's draft),
 * create no case, and never answer 500.
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

function cases(): number {
  return db().select({ n: count() }).from(caseTable).get()!.n;
}

type Loaded = { data: Record<string, unknown>; init?: { status?: number } };
const FORM = { id: "forskola-ansokan" };

/** A page of the childcare e-service: the step or check page's loader, or its action with a post. */
async function engine(step: string, fields?: Record<string, string>): Promise<Loaded> {
  const path = `/blanketter/forskola-ansokan/${step}`;
  const args = { params: { ...FORM, step }, context: {} as never };
  const isCheck = step === "kontrollera";
  const r = fields
    ? await (isCheck ? checkAction : stepAction)({ ...args, request: await post(path, fields) }).catch(
        (thrown: unknown) => thrown,
      )
    : await (isCheck ? checkLoader : stepLoader)({ ...args, request: get(path) });
  if (r instanceof Response) return { data: { location: r.headers.get("location") }, init: { status: r.status } };
  return r as Loaded;
}

describe("Navet stops answering while a guardian applies", () => {
  let idempotency = "";
  let schoolAnswers: FormValues = {};
  // School choice runs on the form engine (decision 090): its look-up and its submit handler.
  const school = () => getFormDefinition("skolval-ansokan")!;
  const options = (def: ReturnType<typeof school>, name: string) =>
    (def.steps.flatMap((s) => s.fields).find((f) => f.name === name) as ChoiceField).options;

  it("with Navet answering, both pages list the guardian's children from the stand-in (the control)", async () => {
    outage = undefined;
    const first = await engine("barnet");
    const def = first.data.definition as FormDefinition;
    const child = (def.steps[0]!.fields.find((f) => f.name === "child") as ChoiceField).options[0]!;
    expect(child.label).toMatch(/\S/);
    const bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!;
    const unit = db()
      .select()
      .from(childcareUnit)
      .where(
        and(
          eq(childcareUnit.municipalityId, bengtsfors.id),
          eq(childcareUnit.kind, "forskola"),
          isNull(childcareUnit.closedAt),
        ),
      )
      .get()!;
    const one = await engine("barnet", {
      child: child.value,
      careKind: "forskola",
      municipality: "bengtsfors",
      _action: "continue",
    });
    expect(one.data.location).toBe("/blanketter/forskola-ansokan/onskemal");
    const two = await engine("onskemal", {
      unit1: String(unit.id),
      desiredStart: "2027-08-16",
      hoursPerWeek: "30",
      specialNeeds: "Allergi mot nötter.",
      _action: "continue",
    });
    expect(two.data.location).toBe("/blanketter/forskola-ansokan/kontrollera");
    const check = await engine("kontrollera");
    idempotency = String(check.data.idempotencyKey);
    expect(idempotency).toMatch(/\S/);
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
    it(`${kind === "fault" ? "a SOAP fault (HTTP 500)" : "no answer within the time-out"}: the childcare step says so, sending goes back to it, the draft stays, no case`, async () => {
      outage = kind;
      const before = cases();
      const step = await engine("barnet");
      const view = step.data.view as { errors: Record<string, { key: string }> };
      expect(view.errors.child?.key).toBe("forms.errors.registerUnavailable");
      // Sending cannot check the child against the register: back to the step that says why.
      const sent = await engine("kontrollera", { _idempotency: idempotency });
      expect(sent.init?.status).toBe(302);
      expect(sent.data.location).toBe("/blanketter/forskola-ansokan/barnet");
      expect(cases()).toBe(before);
      // What the guardian typed is kept: with Navet back, the same check page sends it.
      outage = undefined;
      const again = await engine("kontrollera");
      expect((again.data.rows as { text: string }[]).map((r) => r.text)).toContain("Allergi mot nötter.");
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
