/**
 * Back to a step with an uploaded file, "Fortsätt" again without touching it (slices C and D
 * together): the file is kept, for an anonymous browser and a logged-in person alike, both in
 * the browser's check (JS on) and on the server (JS off); "Ta bort" and replacing still delete.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { caseAttachment } from "../../db/schema/index";
import { getFormDefinition } from "../../forms/definitions/index";
import { parseSubmission } from "../../forms/schema";
import { answersForCheck } from "~/components/form/FormStep";
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
      Buffer.from(`JFIF upload-back #${n} `),
      Buffer.alloc(64, n),
    ]),
  );

let owners = 0;
type Who = { ownerKey: string; personId: number | null };
const anonymous = (): Who => ({ ownerKey: `upload-back-${++owners}-${Date.now()}`, personId: null });
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
const onDisk = (storedName: string) => existsSync(join(uploadsDir(), storedName));

/** The post the "plats" page makes: its fields, one hidden input per kept file, the (empty) file input or new files. */
function platsPost(view: StepViewData | null, action: string, newFiles: { name: string; bytes: Uint8Array }[] = []) {
  const fd = new FormData();
  fd.append("_action", action);
  fd.append("location", "Kanalvägen vid bron");
  for (const f of view?.files.photos ?? []) fd.append("photos", f.id!);
  if (newFiles.length === 0) fd.append("photos", new File([], "", { type: "application/octet-stream" }));
  for (const f of newFiles) fd.append("photos", new File([Buffer.from(f.bytes)], f.name, { type: "image/jpeg" }));
  return fd;
}

/** A draft past "plats" with one photo; returns the "plats" page as it looks on the way back. */
async function backToPlats(who: Who) {
  const fel = new FormData();
  for (const [k, v] of Object.entries({
    _kommun: "amal",
    category: "gatubelysning",
    description: "Lampan vid bron är släckt.",
  }))
    fel.append(k, v);
  expect(await postStep(ctx(who, "fel"), fel)).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/plats" });
  const first = await postStep(ctx(who, "plats"), platsPost(null, "continue", [{ name: "lampa.jpg", bytes: jpeg(1) }]));
  expect(first).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
  const back = loadStep(ctx(who, "plats"), new URLSearchParams());
  if ("redirect" in back) throw new Error(`unexpected redirect to ${back.redirect}`);
  expect(back.view.files.photos).toHaveLength(1);
  return back.view;
}

beforeAll(() => {
  prepareDatabase();
});

describe.each([
  ["an anonymous browser", anonymous],
  ["a logged-in person", loggedIn],
])("going back to a step with a file, for %s", (_label, makeWho) => {
  it("the browser's check (JS on) accepts the kept file instead of calling it missing", async () => {
    const who = makeWho();
    const view = await backToPlats(who);
    const checked = parseSubmission(def, "plats", platsPost(view, "continue"), { answers: answersForCheck(view) });
    expect(checked.ok ? {} : checked.errors).toEqual({});
    expect(checked.ok && checked.value.photos).toMatchObject([{ id: view.files.photos![0]!.id, name: "lampa.jpg" }]);
  });

  it("the server (JS off and on) goes on with the same file, still stored and on disk", async () => {
    const who = makeWho();
    const view = await backToPlats(who);
    const id = view.files.photos![0]!.id!;
    const again = await postStep(ctx(who, "plats"), platsPost(view, "continue"));
    expect(again).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
    const row = rowsOf(who.ownerKey).find((r) => r.publicId === id);
    expect(row).toBeDefined();
    expect(onDisk(row!.storedName)).toBe(true);
    const later = loadStep(ctx(who, "plats"), new URLSearchParams());
    expect("view" in later && later.view.files.photos?.map((f) => f.id)).toEqual([id]);
  });

  it("'Ta bort' on that step still deletes the row and the file", async () => {
    const who = makeWho();
    const view = await backToPlats(who);
    const id = view.files.photos![0]!.id!;
    const storedName = rowsOf(who.ownerKey).find((r) => r.publicId === id)!.storedName;
    const removed = await postStep(ctx(who, "plats"), platsPost(view, `removeFile:photos:${id}`));
    expect("view" in removed && removed.view.files.photos).toBeFalsy();
    expect(rowsOf(who.ownerKey).some((r) => r.publicId === id)).toBe(false);
    expect(onDisk(storedName)).toBe(false);
  });

  it("replacing the file (a new one, the old one not kept) deletes the old one", async () => {
    const who = makeWho();
    const view = await backToPlats(who);
    const oldId = view.files.photos![0]!.id!;
    const oldStored = rowsOf(who.ownerKey).find((r) => r.publicId === oldId)!.storedName;
    const replaced = await postStep(
      ctx(who, "plats"),
      platsPost(null, "continue", [{ name: "ny.jpg", bytes: jpeg(2) }]),
    );
    expect(replaced).toMatchObject({ redirect: "/blanketter/felanmalan-gata-park/kontakt" });
    expect(rowsOf(who.ownerKey).some((r) => r.publicId === oldId)).toBe(false);
    expect(onDisk(oldStored)).toBe(false);
    const now = loadStep(ctx(who, "plats"), new URLSearchParams());
    expect("view" in now && now.view.files.photos?.map((f) => f.name)).toEqual(["ny.jpg"]);
  });
});
