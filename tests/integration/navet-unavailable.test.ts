import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NAVET_ORDER_ID, NAVET_ORG_NR } from "../stand-ins/navet";
import { createSession } from "~/auth/session.server";
import { prepareDatabase } from "~/db.server";
import type { ChoiceField, FormDefinition } from "../../forms/types";
import { loader as stepLoader } from "~/routes/blanketter.$id_.$step";
import type { ResidentUser } from "~/auth/guards.server";
import { resolveFieldHooks } from "~/services/form-hooks.server";
import { getFormDefinition } from "~/services/forms.server";
import { navetPopulationRegister } from "~/services/population-navet.server";
import { usePopulationRegisterForTests } from "~/services/population.server";
import { viewerFor } from "./people-helper";

/**
 * When Navet does not answer (here: a server that only answers 503, as Skatteverket's does when
 * it is down), the application pages still open, say so in the resident's language and offer
 * nothing guessed (issue 19, decisions 066 and 067).
 */
const SARA = "198412179288";
let down: Server;
let cookie = "";
let personId = 0;

beforeAll(async () => {
  prepareDatabase();
  down = createServer((_req, res) => {
    res.writeHead(503, { "content-type": "text/plain" });
    res.end("Service Unavailable");
  });
  await new Promise<void>((resolve) => down.listen(0, "127.0.0.1", resolve));
  personId = viewerFor(SARA, "Sara Lindqvist").personId;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "resident", personId });
  cookie = setCookie.split(";")[0]!;
});

afterAll(async () => {
  usePopulationRegisterForTests(undefined);
  await new Promise((resolve) => down.close(resolve));
});

function request(path: string) {
  return new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
}

/** The childcare e-service's first step on the form engine (decision 089): the child question and its error. */
async function childcareStep() {
  const r = (await stepLoader({
    request: request("/blanketter/forskola-ansokan/barnet"),
    params: { id: "forskola-ansokan", step: "barnet" },
    context: {} as never,
  })) as unknown as {
    data: { definition: FormDefinition; view: { errors: Record<string, { key: string } | undefined> } };
  };
  const child = r.data.definition.steps[0]!.fields.find((f) => f.name === "child") as ChoiceField;
  return { children: child.options, error: r.data.view.errors.child?.key };
}

describe("the population register does not answer", () => {
  it("with the register answering, the pages list the guardian's children (the control)", async () => {
    usePopulationRegisterForTests(undefined);
    const d = await childcareStep();
    expect(d.error).toBeUndefined();
    expect(d.children.length).toBeGreaterThan(0);
  });

  it("the preschool and school application pages open with the register's message instead of a 500", async () => {
    const { port } = down.address() as AddressInfo;
    usePopulationRegisterForTests(
      navetPopulationRegister({
        url: `http://127.0.0.1:${port}/personpostXML`,
        orgNr: NAVET_ORG_NR,
        orderId: NAVET_ORDER_ID,
        attempts: 2,
        backoffMs: 10,
      }),
    );
    const childcare = await childcareStep();
    expect(childcare.error).toBe("forms.errors.registerUnavailable");
    expect(childcare.children).toEqual([]);
    // School choice runs on the form engine (decision 090): the child look-up is reported unavailable, with no options.
    const school = await resolveFieldHooks(getFormDefinition("skolval-ansokan")!, {
      answers: {},
      user: { kind: "resident", personId } as unknown as ResidentUser,
      lang: "sv",
    });
    expect(school.unavailable).toEqual(["child"]);
    const child = school.def.steps.flatMap((s) => s.fields).find((f) => f.name === "child") as ChoiceField;
    expect(child.options).toEqual([]);
  });
});
