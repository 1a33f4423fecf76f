/**
 * A refused step post keeps its valid uploads (decision 123, GOV.UK pattern): a missing
 * answer elsewhere, or another file refused by its content, no longer throws away the files
 * that passed their own checks. They are stored (encrypted, audited), saved in the draft and
 * listed as uploaded, so the next post carries them by id; for an anonymous browser and a
 * logged-in person alike. The quota stays one answer for the whole post.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, caseAttachment } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { postedUploads } from "../../forms/schema";
import type { StepViewData } from "../../forms/step-view";
import { db, prepareDatabase } from "~/db.server";
import { personOwnerKey } from "~/services/eservice-session.server";
import { loadStep, postStep, type StepContext } from "~/services/forms.server";
import { uploadsDir } from "~/services/uploads.server";
import { viewerFor } from "./people-helper";

const def = getFormDefinition("felanmalan-gata-park")!;
const jpeg = (n: number) =>
  new Uint8Array(
    Buffer.concat([
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
      Buffer.from(`JFIF refused-post #${n} `),
      Buffer.alloc(64, n),
    ]),
  );
const notAnImage = new Uint8Array(Buffer.from("MZ this is no photo at all"));

let owners = 0;
type Who = { ownerKey: string; personId: number | null };
const anonymous = (): Who => ({ ownerKey: `refused-post-${++owners}-${Date.now()}`, personId: null });
const loggedIn = (): Who => {
  const { personId } = viewerFor("198802292394");
  return { ownerKey: personOwnerKey(personId), personId };
};
const ctx = (who: Who, stepId: string): StepContext => ({
  def,
  stepId,
  ...who,
  chosenMunicipality: "amal",
  lang: "sv",
});

const rowsOf = (ownerKey: string) =>
  db().select().from(caseAttachment).where(eq(caseAttachment.ownerKey, ownerKey)).all();

/** The "plats" post: its text, one hidden input per kept file, new files as the browser sends them. */
function platsPost(
  location: string,
  kept: StepViewData["files"]["photos"] = [],
  newFiles: { name: string; bytes: Uint8Array }[] = [],
) {
  const fd = new FormData();
  fd.append("_action", "continue");
  fd.append("location", location);
  for (const f of kept) fd.append("photos", f.id!);
  if (newFiles.length === 0) fd.append("photos", new File([], "", { type: "application/octet-stream" }));
  for (const f of newFiles) fd.append("photos", new File([Buffer.from(f.bytes)], f.name, { type: "image/jpeg" }));
  return fd;
}

async function atPlats(who: Who) {
  const fel = new FormData();
  for (const [k, v] of Object.entries({ _kommun: "amal", category: "klotter", description: "Klotter på bron." }))
    fel.append(k, v);
  expect(await postStep(ctx(who, "fel"), fel)).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/plats" });
}

function viewOf(r: Awaited<ReturnType<typeof postStep>>): StepViewData & { status: number } {
  if ("redirect" in r) throw new Error(`unexpected redirect to ${r.redirect}`);
  return { ...r.view, status: r.status };
}

beforeAll(() => {
  prepareDatabase();
});

describe.each([
  ["an anonymous browser", anonymous],
  ["a logged-in person", loggedIn],
])("a refused step post, for %s", (_label, makeWho) => {
  it("with a required text missing stores its good photo, lists it as uploaded and goes on with it by id", async () => {
    const who = makeWho();
    await atPlats(who);
    const before = rowsOf(who.ownerKey).length;
    const refused = viewOf(await postStep(ctx(who, "plats"), platsPost("", [], [{ name: "bro.jpg", bytes: jpeg(1) }])));
    expect(refused.status).toBe(400);
    expect(refused.errors.location).toMatchObject({ key: "forms.errors.required" });
    expect(Object.keys(refused.errors).filter((k) => k.startsWith("photos"))).toEqual([]);
    expect(refused.files.photos).toMatchObject([{ name: "bro.jpg", type: "image/jpeg" }]);
    const id = refused.files.photos![0]!.id!;

    // Stored: the row, the encrypted file on disk, the audit row.
    const rows = rowsOf(who.ownerKey);
    expect(rows).toHaveLength(before + 1);
    const row = rows.find((r) => r.publicId === id)!;
    expect(row).toMatchObject({ originalName: "bro.jpg", mime: "image/jpeg", caseId: null });
    expect(existsSync(join(uploadsDir(), row.storedName))).toBe(true);
    expect(
      db()
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, "upload.stored"), eq(auditEvent.subjectId, id)))
        .all(),
    ).toHaveLength(1);

    // The draft has it: the step shows it again, and the answer left out was not saved.
    const again = loadStep(ctx(who, "plats"), new URLSearchParams());
    if ("redirect" in again) throw new Error("unexpected redirect");
    expect(again.view.files.photos?.map((f) => f.id)).toEqual([id]);

    // The next post carries it by its hidden input only, and goes on with it.
    const next = await postStep(ctx(who, "plats"), platsPost("Kanalbron", refused.files.photos));
    expect(next).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
    const later = loadStep(ctx(who, "plats"), new URLSearchParams());
    expect("view" in later && later.view.files.photos?.map((f) => f.name)).toEqual(["bro.jpg"]);
    expect(rowsOf(who.ownerKey)).toHaveLength(before + 1);
  });

  it("with one file refused by its content stores the other one and says which file was refused", async () => {
    const who = makeWho();
    await atPlats(who);
    const refused = viewOf(
      await postStep(
        ctx(who, "plats"),
        platsPost(
          "Kanalbron",
          [],
          [
            { name: "fake.jpg", bytes: notAnImage },
            { name: "bra.jpg", bytes: jpeg(2) },
          ],
        ),
      ),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors["photos.0"]).toMatchObject({ params: { name: "fake.jpg" } });
    expect(refused.errors["photos.0"]!.key).toMatch(/^forms\.errors\.file\./);
    expect(refused.files.photos?.map((f) => f.name)).toEqual(["bra.jpg"]);
    const rows = rowsOf(who.ownerKey);
    expect(rows.find((r) => r.publicId === refused.files.photos![0]!.id)).toMatchObject({ originalName: "bra.jpg" });
    expect(rows.map((r) => r.originalName)).not.toContain("fake.jpg");
  });

  it("with nothing valid to keep writes nothing and leaves the draft's photo alone", async () => {
    const who = makeWho();
    await atPlats(who);
    const first = viewOf(await postStep(ctx(who, "plats"), platsPost("", [], [{ name: "ett.jpg", bytes: jpeg(3) }])));
    const rows = rowsOf(who.ownerKey).length;
    const refused = viewOf(
      await postStep(ctx(who, "plats"), platsPost("", first.files.photos, [{ name: "fake.jpg", bytes: notAnImage }])),
    );
    expect(refused.status).toBe(400);
    expect(refused.errors.location).toBeDefined();
    expect(refused.files.photos?.map((f) => f.name)).toEqual(["ett.jpg"]);
    expect(rowsOf(who.ownerKey)).toHaveLength(rows);
  });
});

describe("postedUploads", () => {
  it("keeps the good files of a field and drops the ones whose claim is wrong, and a field over its count entirely", () => {
    const fd = new FormData();
    fd.append("location", "");
    fd.append("photos", new File([Buffer.from(jpeg(4))], "ok.jpg", { type: "image/jpeg" }));
    fd.append("photos", new File([Buffer.from("x")], "doc.exe", { type: "application/x-msdownload" }));
    expect(postedUploads(def, "plats", fd).photos?.map((f) => f.name)).toEqual(["ok.jpg"]);

    const many = new FormData();
    for (const n of [1, 2, 3, 4])
      many.append("photos", new File([Buffer.from(jpeg(n))], `${n}.jpg`, { type: "image/jpeg" }));
    expect(postedUploads(def, "plats", many)).toEqual({});
  });

  it("trusts a kept id only when the draft has it", () => {
    const fd = new FormData();
    fd.append("photos", "known-id");
    fd.append("photos", "forged-id");
    const answers = { photos: [{ id: "known-id", name: "a.jpg", size: 10, type: "image/jpeg" }] };
    expect(postedUploads(def, "plats", fd, { answers }).photos).toEqual(answers.photos);
  });
});
