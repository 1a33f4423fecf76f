import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { administration, auditEvent, lifeEvent, municipality } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import type { StaffUser } from "~/auth/guards.server";
import type { RoleAssignment } from "~/auth/permissions";
import { db } from "~/db.server";
import { getLifeEvent } from "~/services/authorities.server";
import {
  applyMove,
  getGuideForEdit,
  parseGuideForm,
  publishGuide,
  saveGuideDraft,
  validateGuide,
} from "~/services/life-event-editor.server";

const staff = (name: string, roles: Array<Omit<RoleAssignment, "area">>): StaffUser =>
  ({
    sessionId: name,
    kind: "staff",
    staffUserId: 999_000,
    name,
    roles: roles.map((r) => ({ ...r, area: null })),
  }) as StaffUser;
const portalEditor = () => staff("redaktor.portal", [{ role: "editor", municipalityId: null, administrationId: null }]);
const portalAdmin = () => staff("admin.portal", [{ role: "admin", municipalityId: null, administrationId: null }]);
const mid = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;
const aid = (m: string, a: string) =>
  db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, mid(m)), eq(administration.slug, a)))
    .get()!.id;

function status(fn: () => unknown): number | "ok" {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const SLUG = "flytta-till-dalsland";

describe("editing the life-event guides", () => {
  beforeAll(() => seed(db()));

  it("only portal-wide editors and administrators may open or change a guide", () => {
    const municipal = staff("redaktor.mellerud", [
      { role: "editor", municipalityId: mid("mellerud"), administrationId: aid("mellerud", "kommunledning") },
    ]);
    const contributor = staff("skribent.mellerud", [
      { role: "contributor", municipalityId: mid("mellerud"), administrationId: aid("mellerud", "kommunledning") },
    ]);
    const localAdmin = staff("admin.amal", [{ role: "admin", municipalityId: mid("amal"), administrationId: null }]);
    for (const u of [municipal, contributor, localAdmin]) {
      expect(status(() => getGuideForEdit(u, SLUG))).toBe(403);
      expect(status(() => publishGuide(u, SLUG))).toBe(403);
    }
    expect(status(() => getGuideForEdit(portalEditor(), SLUG))).toBe("ok");
    expect(status(() => getGuideForEdit(portalAdmin(), SLUG))).toBe("ok");
    expect(status(() => getGuideForEdit(portalEditor(), "finns-inte"))).toBe(404);
  });

  it("a draft is invisible until published; publishing applies texts and the new step order; the seed does not undo it", () => {
    const user = portalEditor();
    const before = getLifeEvent(SLUG, "sv")!;
    const { draft } = getGuideForEdit(user, SLUG);
    const moved = applyMove(draft, { kind: "down", index: 0 });
    moved.steps[1] = { ...moved.steps[1]!, titleSv: "Anmäl flytten – ändrad av redaktör" };
    saveGuideDraft(user, SLUG, moved);
    expect(getLifeEvent(SLUG, "sv")!.steps.map((s) => s.title)).toEqual(before.steps.map((s) => s.title));

    expect(publishGuide(user, SLUG)).toEqual({ ok: true });
    const after = getLifeEvent(SLUG, "sv")!;
    expect(after.steps[0]!.title).toBe(before.steps[1]!.title);
    expect(after.steps[1]!.title).toBe("Anmäl flytten – ändrad av redaktör");
    expect(db().select().from(lifeEvent).where(eq(lifeEvent.slug, SLUG)).get()!.draft).toBeNull();

    seed(db());
    expect(getLifeEvent(SLUG, "sv")!.steps[1]!.title).toBe("Anmäl flytten – ändrad av redaktör");

    const actions = db()
      .select({ a: auditEvent.action })
      .from(auditEvent)
      .orderBy(desc(auditEvent.id))
      .limit(2)
      .all()
      .map((r) => r.a);
    expect(actions).toEqual(["life_event.published", "life_event.draft_saved"]);
  });

  it("rejects steps without both languages, unknown authorities and services, and reads the form's steps in order", () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({
      titleSv: "Guide",
      titleEn: "Guide",
      summarySv: "S",
      summaryEn: "S",
      stepCount: "2",
      "steps.0.titleSv": "Ett",
      "steps.0.titleEn": "",
      "steps.0.bodySv": "B",
      "steps.0.bodyEn": "B",
      "steps.0.actorKind": "authority",
      "steps.0.authoritySlug": "finns-inte",
      "steps.1.titleSv": "Två",
      "steps.1.titleEn": "Two",
      "steps.1.bodySv": "B",
      "steps.1.bodyEn": "B",
      "steps.1.actorKind": "municipality",
      "steps.1.serviceSlug": "inte-en-tjanst",
    }))
      form.set(k, v);
    const { draft, errors } = parseGuideForm(form);
    expect(errors).toEqual({});
    expect(draft.steps.map((s) => s.titleSv)).toEqual(["Ett", "Två"]);
    expect(validateGuide(draft)).toEqual({
      "steps.0.titleEn": "guides.errors.stepTitle",
      "steps.0.authoritySlug": "guides.errors.authority",
      "steps.1.serviceSlug": "guides.errors.service",
    });
    expect(validateGuide({ ...draft, steps: [] }).steps).toBe("guides.errors.noSteps");
  });
});
