import { and, eq } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { administration, municipality, news, service } from "../../db/schema/index";
import { seed } from "../../db/seed/index";
import type { StaffUser } from "~/auth/guards.server";
import { ROLE_PERMISSIONS, type RoleAssignment } from "~/auth/permissions";
import { db } from "~/db.server";
import { getNewsItem, getServiceForResident } from "~/services/catalogue.server";
import { diffSnapshots, diffVersions, listHistory, restoreVersion } from "~/services/editor-history.server";
import {
  getItemForEdit,
  getPreview,
  listMyItems,
  publishItem,
  saveItem,
  saveVariant,
  unpublishItem,
} from "~/services/editor.server";
import { parseServiceLinks } from "~/services/editor-links.server";
import { stockholmLocalToIso } from "~/services/editor-form";
import { search } from "~/services/search.server";

const idOf = (slug: string) => db().select({ id: service.id }).from(service).where(eq(service.slug, slug)).get()!.id;
const municipalityId = (slug: string) =>
  db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, slug)).get()!.id;
const adminId = (m: string, slug: string) =>
  db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, municipalityId(m)), eq(administration.slug, slug)))
    .get()!.id;

function staff(name: string, roles: Array<Omit<RoleAssignment, "area">>): StaffUser {
  return {
    sessionId: name,
    kind: "staff",
    staffUserId: 999_000,
    name,
    roles: roles.map((r) => ({ ...r, area: null })),
  } as StaffUser;
}
const municipalEditor = (m: string, admins = ["kommunledning", "barn-och-utbildning"]) =>
  staff(
    `redaktor.${m}`,
    admins.map((a) => ({ role: "editor", municipalityId: municipalityId(m), administrationId: adminId(m, a) })),
  );
const portalEditor = () => staff("redaktor.portal", [{ role: "editor", municipalityId: null, administrationId: null }]);

async function status(fn: () => unknown): Promise<number | "ok"> {
  try {
    fn();
    return "ok";
  } catch (e) {
    if (e instanceof Response) return e.status;
    throw e;
  }
}

const texts = (slug: string) => {
  const row = db().select().from(service).where(eq(service.slug, slug)).get()!;
  return { ...row } as Record<string, unknown> as Record<string, string>;
};
const formOf = (slug: string, changes: Record<string, string>) => {
  const row = texts(slug);
  const out: Record<string, string> = {};
  for (const k of [
    "titleSv",
    "titleEn",
    "summarySv",
    "summaryEn",
    "audienceSv",
    "audienceEn",
    "howToApplySv",
    "howToApplyEn",
    "costSv",
    "costEn",
    "processingTimeSv",
    "processingTimeEn",
    "legalBasisSv",
    "legalBasisEn",
    "bodySv",
    "bodyEn",
    "keywords",
    "owner",
    "reviewBy",
  ]) {
    out[k] = row[k] ?? "";
  }
  return { ...out, ...changes };
};

describe("the editor service", () => {
  beforeAll(() => {
    seed(db());
  });

  it("an editor in Mellerud cannot open or change an Åmål service", async () => {
    const mellerud = municipalEditor("mellerud");
    const id = idOf("medborgarforslag"); // kommunledning in Bengtsfors, Färgelanda and Åmål
    expect(await status(() => getItemForEdit(mellerud, "service", id))).toBe(403);
    expect(await status(() => saveItem(mellerud, "service", id, { titleSv: "Kapad" }))).toBe(403);
    expect(await status(() => publishItem(mellerud, "service", id, { publishAt: null, unpublishAt: null }))).toBe(403);
    expect(await status(() => listHistory(mellerud, "service", id))).toBe(403);
    expect(await status(() => saveVariant(mellerud, id, municipalityId("amal"), {}))).toBe(403);
    expect(await status(() => getItemForEdit(mellerud, "service", 987_654))).toBe(404);
    expect(listMyItems(mellerud).some((i) => i.type === "service" && i.id === id)).toBe(false);
    expect(await status(() => getItemForEdit(municipalEditor("amal"), "service", id))).toBe("ok");
  });

  it("only portal-wide editors change a shared service's texts; municipal editors change their own variant", async () => {
    const id = idOf("forskola");
    const mellerud = municipalEditor("mellerud");
    const item = getItemForEdit(mellerud, "service", id);
    expect(item.canEditMain).toBe(false);
    expect(item.variants.map((v) => v.slug)).toEqual(["mellerud"]);
    expect(await status(() => saveItem(mellerud, "service", id, formOf("forskola", { titleSv: "X" })))).toBe(403);
    expect(await status(() => saveVariant(mellerud, id, municipalityId("amal"), { feeSv: "1 kr" }))).toBe(403);
    saveVariant(mellerud, id, municipalityId("mellerud"), { feeSv: "Enligt maxtaxan (test)" });
    const view = getServiceForResident({ slug: "forskola", lang: "sv" })!;
    expect(view.offers.find((o) => o.slug === "mellerud")?.fee).toBe("Enligt maxtaxan (test)");
    expect(getItemForEdit(portalEditor(), "service", id).canEditMain).toBe(true);
  });

  it("editing a published service keeps the public text until it is published, then updates page and search", () => {
    const id = idOf("feriearbete");
    const editor = municipalEditor("mellerud");
    saveItem(editor, "service", id, formOf("feriearbete", { summarySv: "Sommarjobb med zebrafinkar för unga." }));
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.summary).not.toContain("zebrafinkar");
    expect(getItemForEdit(editor, "service", id).pending).toBe(true);
    expect(getItemForEdit(editor, "service", id).values.summarySv).toContain("zebrafinkar");
    expect(getPreview(editor, "service", id, "sv").view.summary).toContain("zebrafinkar");
    expect(search({ q: "zebrafinkar", lang: "sv" }).total).toBe(0);

    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.summary).toContain("zebrafinkar");
    expect(search({ q: "zebrafinkar", lang: "sv" }).hits.map((h) => h.url)).toEqual(["/tjanster/feriearbete"]);

    unpublishItem(editor, "service", id);
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })).toBeUndefined();
    expect(search({ q: "zebrafinkar", lang: "sv" }).total).toBe(0);
    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
  });

  it("a scheduled item appears at its publish time", () => {
    const editor = municipalEditor("mellerud");
    const id = idOf("pedagogisk-omsorg");
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    expect(publishItem(editor, "service", id, { publishAt: inAnHour, unpublishAt: null }).scheduled).toBe(true);
    expect(getServiceForResident({ slug: "pedagogisk-omsorg", lang: "sv" })).toBeUndefined();
    expect(
      getServiceForResident({ slug: "pedagogisk-omsorg", lang: "sv", now: new Date(Date.now() + 7_200_000) }),
    ).toBeDefined();
    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
  });

  it("an item past its review-by date beyond the grace period disappears for residents and tops the editor's list", () => {
    const editor = municipalEditor("mellerud");
    const row = db()
      .select()
      .from(news)
      .where(and(eq(news.municipalityId, municipalityId("mellerud")), eq(news.slug, "forskoleansokan-hosten")))
      .get()!;
    const visible = () =>
      getNewsItem({ municipalityId: row.municipalityId, slug: row.slug, lang: "sv", graceDays: 30 });
    expect(visible()).toBeDefined();
    const values = {
      titleSv: row.titleSv,
      titleEn: row.titleEn ?? "",
      summarySv: row.summarySv,
      summaryEn: row.summaryEn ?? "",
      bodySv: row.bodySv,
      bodyEn: row.bodyEn ?? "",
      owner: row.owner,
    };
    // Within the grace period it is still shown…
    const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString().slice(0, 10);
    saveItem(editor, "news", row.id, { ...values, reviewBy: tenDaysAgo });
    publishItem(editor, "news", row.id, { publishAt: row.publishAt, unpublishAt: null });
    expect(visible()).toBeDefined();
    expect(listMyItems(editor, { graceDays: 30 })[0]).toMatchObject({
      id: row.id,
      overdue: true,
      visibility: "visible",
    });
    // …beyond it, it is not.
    saveItem(editor, "news", row.id, { ...values, reviewBy: "2001-01-31" });
    publishItem(editor, "news", row.id, { publishAt: row.publishAt, unpublishAt: null });
    expect(visible()).toBeUndefined();
    expect(listMyItems(editor, { graceDays: 30 })[0]).toMatchObject({
      id: row.id,
      overdue: true,
      visibility: "overdue-hidden",
      owner: row.owner,
    });
  });

  it("keeps every version with who and when, diffs two of them and restores an old one as a new version", () => {
    const editor = municipalEditor("bengtsfors");
    const id = idOf("medborgarforslag");
    const original = texts("medborgarforslag").titleSv ?? "";
    saveItem(editor, "service", id, formOf("medborgarforslag", { titleSv: "Lämna ett förslag till fullmäktige" }));
    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
    const { versions } = listHistory(editor, "service", id);
    expect(versions.map((v) => v.action).slice(0, 3)).toEqual(["published", "draft", "seeded"]);
    expect(versions[0]!.createdBy).toBe("redaktor.bengtsfors");

    const diff = diffVersions(editor, "service", id, versions[2]!.version, versions[0]!.version)!;
    const title = diff.find((d) => d.field === "titleSv")!;
    expect(title.parts.some((p) => p.kind === "removed" && p.text.includes(original))).toBe(true);
    expect(title.parts.some((p) => p.kind === "added" && p.text.includes("fullmäktige"))).toBe(true);

    restoreVersion(editor, "service", id, versions[2]!.version);
    const after = listHistory(editor, "service", id).versions;
    expect(after[0]).toMatchObject({ version: versions[0]!.version + 1, action: "restored-draft" });
    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
    expect(getServiceForResident({ slug: "medborgarforslag", lang: "sv" })?.title).toBe(original);
  });

  it("diffs word by word and ignores bookkeeping fields", () => {
    const diff = diffSnapshots(
      { titleSv: "Ansök om bygglov", updatedAt: "a", variants: [{ municipalityId: 1, feeSv: "100 kr" }] },
      { titleSv: "Ansök om marklov", updatedAt: "b", variants: [{ municipalityId: 1, feeSv: "200 kr" }] },
    );
    expect(diff.map((d) => d.field)).toEqual(["titleSv", "variants.1.feeSv"]);
    expect(diff[0]!.parts).toEqual([
      { kind: "same", text: "Ansök om " },
      { kind: "removed", text: "bygglov" },
      { kind: "added", text: "marklov" },
    ]);
  });

  it("reads schedule times as Swedish wall-clock time", () => {
    expect(stockholmLocalToIso("2027-01-15T08:00")).toBe("2027-01-15T07:00:00.000Z");
    expect(stockholmLocalToIso("2027-07-15T08:00")).toBe("2027-07-15T06:00:00.000Z");
    expect(stockholmLocalToIso("")).toBeNull();
    expect(stockholmLocalToIso("15/7 08:00")).toBeUndefined();
  });

  describe("with a role that may edit but not publish", () => {
    const original = [...ROLE_PERMISSIONS.editor];
    afterEach(() => {
      (ROLE_PERMISSIONS as Record<string, readonly string[]>).editor = original;
    });

    it("saves drafts but may not publish, unpublish or change variants", async () => {
      (ROLE_PERMISSIONS as Record<string, readonly string[]>).editor = ["content.edit"];
      const editor = municipalEditor("mellerud");
      const id = idOf("feriearbete");
      expect(getItemForEdit(editor, "service", id).canPublish).toBe(false);
      expect(
        await status(() =>
          saveItem(editor, "service", id, formOf("feriearbete", { summarySv: "Utkast utan publiceringsrätt." })),
        ),
      ).toBe("ok");
      expect(await status(() => publishItem(editor, "service", id, { publishAt: null, unpublishAt: null }))).toBe(403);
      expect(await status(() => unpublishItem(editor, "service", id))).toBe(403);
      expect(await status(() => saveVariant(editor, idOf("forskola"), municipalityId("mellerud"), {}))).toBe(403);
      expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.summary).not.toContain(
        "utan publiceringsrätt",
      );
    });
  });

  it("a contributor (skribent) saves drafts and restores as a draft, but publishing, unpublishing, scheduling and variants answer 403 with the reason", async () => {
    const m = municipalityId("mellerud");
    const skribent = staff(
      "skribent.mellerud",
      ["kommunledning", "barn-och-utbildning"].map((a) => ({
        role: "contributor" as const,
        municipalityId: m,
        administrationId: adminId("mellerud", a),
      })),
    );
    const id = idOf("feriearbete");
    const item = getItemForEdit(skribent, "service", id);
    expect(item.canEditMain).toBe(true);
    expect(item.canPublish).toBe(false);
    expect(item.variants.every((v) => !v.canSave)).toBe(true);
    expect(
      await status(() =>
        saveItem(skribent, "service", id, formOf("feriearbete", { summarySv: "Skribentens utkast." })),
      ),
    ).toBe("ok");
    const reasonOf = async (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        if (e instanceof Response) return { status: e.status, body: await e.json() };
      }
      return undefined;
    };
    expect(await reasonOf(() => publishItem(skribent, "service", id, { publishAt: null, unpublishAt: null }))).toEqual({
      status: 403,
      body: { reason: "publish" },
    });
    expect(
      await reasonOf(() =>
        publishItem(skribent, "service", id, { publishAt: "2030-01-01T08:00:00.000Z", unpublishAt: null }),
      ),
    ).toEqual({ status: 403, body: { reason: "publish" } });
    expect(await status(() => unpublishItem(skribent, "service", id))).toBe(403);
    expect(await status(() => saveVariant(skribent, id, m, {}))).toBe(403);
    const first = listHistory(skribent, "service", id).versions.at(-1)!.version;
    expect(restoreVersion(skribent, "service", id, first)).toEqual({ pending: true });
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.summary).not.toContain("Skribentens utkast");
    // Out of scope as for any editor:
    expect(await status(() => getItemForEdit(skribent, "service", idOf("medborgarforslag")))).toBe(403);
    // An editor publishes the contributor's draft.
    expect(
      await status(() =>
        publishItem(municipalEditor("mellerud"), "service", id, { publishAt: null, unpublishAt: null }),
      ),
    ).toBe("ok");
  });

  it("related services and authorities are edited as a draft, validated, versioned, published and shown by name in the diff", () => {
    const editor = municipalEditor("mellerud");
    const id = idOf("feriearbete");
    const other = idOf("forskola");
    const form = (related: string[], authorities: string[]) => {
      const f = new FormData();
      related.forEach((r) => f.append("related", r));
      authorities.forEach((a) => f.append("authorities", a));
      return f;
    };
    expect(parseServiceLinks(form([String(id)], []), id).errors).toEqual({ related: "errors.relatedSelf" });
    expect(parseServiceLinks(form(["987654"], []), id).errors).toEqual({ related: "errors.relatedUnknown" });
    expect(parseServiceLinks(form([], ["finns-inte"]), id).errors).toEqual({ authorities: "errors.authorityUnknown" });
    const { links, errors } = parseServiceLinks(form([String(other)], ["arbetsformedlingen"]), id);
    expect(errors).toEqual({});

    saveItem(editor, "service", id, formOf("feriearbete", {}), "edit", links);
    expect(getItemForEdit(editor, "service", id).links).toEqual(links);
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.related.some((r) => r.slug === "forskola")).toBe(
      false,
    );
    publishItem(editor, "service", id, { publishAt: null, unpublishAt: null });
    expect(getServiceForResident({ slug: "feriearbete", lang: "sv" })?.related.map((r) => r.slug)).toEqual([
      "forskola",
    ]);

    const versions = listHistory(editor, "service", id).versions;
    const diff = diffVersions(editor, "service", id, versions[2]!.version, versions[0]!.version)!;
    const related = diff.find((d) => d.field === "related")!;
    expect(
      related.parts
        .filter((p) => p.kind === "added")
        .map((p) => p.text)
        .join(""),
    ).toContain("Förskola");
    expect(
      diff
        .find((d) => d.field === "authorities")!
        .parts.map((p) => p.text)
        .join(""),
    ).toContain("Arbetsförmedlingen");
  });

  it("names the municipality of a variant change in the diff", () => {
    const diff = diffSnapshots(
      { variants: [{ municipalityId: 7, feeSv: "1 kr" }] },
      { variants: [{ municipalityId: 7, feeSv: "2 kr" }] },
      new Map([[7, "Dals-Ed"]]),
    );
    expect(diff).toMatchObject([{ field: "variants.7.feeSv", municipality: "Dals-Ed" }]);
  });
});
