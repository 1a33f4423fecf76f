import { eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { childcareUnit, diariumEntry, municipality } from "../../db/schema/index";
import { definitionProblems } from "../../forms/check-definition";
import type { FormValues } from "../../forms/types";
import type { ResidentUser } from "~/auth/guards.server";
import { db, prepareDatabase } from "~/db.server";
import { RegisterUnavailableError } from "~/platform/register-http.server";
import { hmacIndex } from "~/platform/crypto.server";
import { computeValues, profilePrefills, submitHandlerFor } from "~/services/form-hooks.server";
import { getDefinitionDocument, getFormDefinition, loadStep } from "~/services/forms.server";
import { usePopulationRegisterForTests } from "~/services/population.server";
import { viewerFor } from "./people-helper";

/**
 * What the childcare and school e-services lost when they moved onto the engine and got back
 * (decision 102): the guarantee date and the other guardian on the check page, the home
 * municipality as the first answer, and a school choice filed as secret as its definition says.
 */
const asUser = (v: { personId: number }) => ({ kind: "resident", personId: v.personId }) as unknown as ResidentUser;
const ELSA = hmacIndex("202201022387");
const ALVA = hmacIndex("202403212380");
const ELLA = hmacIndex("201609102387");
const NOW = new Date("2026-03-02T10:00:00Z");
let SARA: ResidentUser;
let MARIA: ResidentUser;
let PETER: ResidentUser;

const childcare = () => getFormDefinition("forskola-ansokan")!;
const school = () => getFormDefinition("skolval-ansokan")!;

async function checkRows(
  def: ReturnType<typeof childcare>,
  user: ResidentUser,
  answers: FormValues,
  lang: "sv" | "en",
) {
  const rows = await computeValues(def, { answers, user, lang, now: NOW });
  return Object.fromEntries(rows.map((r) => [r.name, r.value]));
}

beforeAll(() => {
  prepareDatabase();
  SARA = asUser(viewerFor("198412179288"));
  MARIA = asUser(viewerFor("199005122388"));
  PETER = asUser(viewerFor("198002079294"));
});

afterEach(() => usePopulationRegisterForTests(undefined));

describe("the childcare check page (skollagen 8 kap. 14 §, the other guardian)", () => {
  it("a start four months or more away is the guarantee date itself", async () => {
    const rows = await checkRows(childcare(), SARA, { child: ELSA, desiredStart: "2026-09-01" }, "sv");
    expect(rows.guarantee).toEqual({
      value: "2026-09-01",
      text: "Startdatumet är minst fyra månader bort: kommunen garanterar plats från 2026-09-01.",
    });
  });

  it("an earlier start is allowed, but the place is guaranteed four months after the application", async () => {
    const rows = await checkRows(childcare(), SARA, { child: ELSA, desiredStart: "2026-04-01" }, "en");
    expect(rows.guarantee).toEqual({
      value: "2026-07-02",
      text: "You want to start before the guarantee period. The municipality tries to find a place by then, but only guarantees one from 2026-07-02.",
    });
  });

  it("names the child's other guardian from the register; a sole guardian sees no such row", async () => {
    const sara = await checkRows(childcare(), SARA, { child: ELSA, desiredStart: "2026-09-01" }, "sv");
    expect(sara.coGuardians).toEqual({ value: 1, text: "Erik Lindqvist" });
    const maria = await checkRows(childcare(), MARIA, { child: ALVA, desiredStart: "2026-09-01" }, "sv");
    expect(maria.coGuardians).toBeUndefined();
    expect(maria.guarantee).toBeDefined();
    // A child not in the person's custody names nobody.
    const other = await checkRows(childcare(), MARIA, { child: ELSA, desiredStart: "2026-09-01" }, "sv");
    expect(other.coGuardians).toBeUndefined();
  });

  it("the rows' labels are the definition's own, in both languages, in the order fee, guarantee, guardian", () => {
    const def = childcare();
    expect(def.computed?.map((c) => c.hook)).toEqual(["childcareFee", "childcareGuarantee", "coGuardians"]);
    for (const lang of ["sv", "en"] as const) {
      const texts = getDefinitionDocument(def.id, def.version)!.texts[lang] as { computed: Record<string, unknown> };
      expect(Object.keys(texts.computed)).toEqual(["fee", "guarantee", "coGuardians"]);
    }
  });

  it("the school choice names the guardian who must also sign", async () => {
    const rows = await checkRows(school(), PETER, { child: ELLA }, "sv");
    expect(rows.coGuardians).toEqual({ value: 1, text: "Lena Johansson" });
  });
});

describe("the municipality question starts with the home municipality", () => {
  it("from the register, for each person, on the step that asks it", async () => {
    expect(await profilePrefills(childcare(), "barnet", { answers: {}, user: SARA, lang: "sv" })).toEqual({
      municipality: "bengtsfors",
    });
    expect(await profilePrefills(childcare(), "barnet", { answers: {}, user: MARIA, lang: "sv" })).toEqual({
      municipality: "amal",
    });
    expect(await profilePrefills(childcare(), "onskemal", { answers: {}, user: SARA, lang: "sv" })).toEqual({});
  });

  it("an answer already given wins, and the register is not asked for it", async () => {
    usePopulationRegisterForTests({
      source: "navet",
      personpost: () => {
        throw new Error("the register must not be asked");
      },
    });
    const answers = { municipality: "amal" };
    expect(await profilePrefills(childcare(), "barnet", { answers, user: SARA, lang: "sv" })).toEqual({});
  });

  it("a register that does not answer leaves the question empty", async () => {
    usePopulationRegisterForTests({
      source: "navet",
      personpost: () => Promise.reject(new RegisterUnavailableError("navet", "test outage")),
    });
    expect(await profilePrefills(childcare(), "barnet", { answers: {}, user: SARA, lang: "sv" })).toEqual({});
  });

  it("the step shows it as the chosen option when the draft has no answer", () => {
    const c = {
      def: childcare(),
      stepId: "barnet",
      ownerKey: "prefill-test-owner",
      personId: null,
      chosenMunicipality: null,
      lang: "sv" as const,
    };
    const shown = loadStep(c, new URLSearchParams(), { municipality: "mellerud" });
    expect("view" in shown && shown.view.entries).toContainEqual(["municipality", "mellerud"]);
    const without = loadStep(c, new URLSearchParams());
    expect("view" in without && without.view.entries.some(([name]) => name === "municipality")).toBe(false);
  });
});

describe("a school choice is secret, as its definition says", () => {
  it("the diarium entry of a school choice filed through the engine has the definition's sensitivity", async () => {
    const def = school();
    expect(def.diarium).toBe("secret");
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    const schoolId = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, amal))
      .all()
      .find((u) => u.kind === "grundskola" && u.closedAt === null)!.id;
    const r = await submitHandlerFor(def)!({
      def,
      answers: { child: ELLA, applicationType: "skolbyte", school1: String(schoolId), startDate: "2026-08-17" },
      user: PETER,
      lang: "sv",
      idempotencyKey: "school-secret-1",
      now: NOW,
    });
    expect(r.ok).toBe(true);
    const entry = db()
      .select()
      .from(diariumEntry)
      .where(eq(diariumEntry.reference, (r as { reference: string }).reference))
      .get()!;
    expect(entry).toMatchObject({ area: "skola", sensitivity: def.diarium, subject: null, partyName: null });
  });

  it("the checker refuses a school or childcare definition that is not secret", () => {
    const open = { ...school(), sensitivity: "personal" as const, diarium: "masked" as const };
    expect(definitionProblems(open)).toContain(
      'skolval-ansokan: submitHandler: submit hook "school" files secret cases: sensitivity and diarium must be "secret"',
    );
    expect(definitionProblems({ ...childcare(), sensitivity: "personal", diarium: "masked" })).toContain(
      'forskola-ansokan: submitHandler: submit hook "childcare" files secret cases: sensitivity and diarium must be "secret"',
    );
  });
});
