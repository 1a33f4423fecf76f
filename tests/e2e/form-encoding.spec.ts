import { expect, fillWeddingParties, loginAsResident, test } from "./fixtures";

/**
 * Decision 188: a step without an upload posts url-encoded, a step with one multipart. The
 * wedding form's witnesses step (a repeating group) adds a witness and moves on, with JavaScript
 * on and off; the fault report's photo step stays multipart.
 */
const WEDDING = "/blanketter/ansokan-borgerlig-vigsel";

test("a repeating group's step adds an item and sends it url-encoded; an upload step stays multipart", async ({
  page,
  a11y,
}, testInfo) => {
  test.slow();
  const posts: { path: string; type: string }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST")
      posts.push({ path: new URL(r.url()).pathname, type: (r.headers()["content-type"] ?? "").split(";")[0]! });
  });
  await loginAsResident(page, "198412179288", { redirectTo: "/", actFor: "self" });
  await fillWeddingParties(page, `sara-encoding-${testInfo.project.name}@example.se`);
  await expect(page).toHaveURL(/\/vigseln$/);
  await page.getByLabel("Önskat datum").fill("2027-08-14");
  await page.getByRole("group", { name: "Vill ni vigas på en plats som ni väljer själva?" }).getByLabel("Nej").check();
  await page.getByRole("group", { name: "På vilket språk ska vigseln hållas?" }).getByLabel("Svenska").check();
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/vittnen$/);
  await expect(page.locator("#form-top")).toHaveAttribute("enctype", "application/x-www-form-urlencoded");

  const names = page.getByLabel("Vittnets namn");
  const before = await names.count();
  await page.getByRole("button", { name: /Lägg till/ }).click();
  await expect(names).toHaveCount(before + 1);
  await names.last().fill("Anna Andersson");
  await a11y("witnesses step with an added witness");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontrollera$/);
  await expect(page.getByText("Anna Andersson")).toBeVisible();

  const stepPosts = posts.filter((p) => p.path.startsWith(WEDDING));
  expect(stepPosts.map((p) => p.path)).toEqual([
    `${WEDDING}/parterna`,
    `${WEDDING}/vigseln`,
    `${WEDDING}/vittnen`,
    `${WEDDING}/vittnen`,
  ]);
  for (const p of stepPosts) expect(p.type, p.path).toBe("application/x-www-form-urlencoded");

  // The fault report: its first step has no upload, its second (photos) has one.
  await page.goto("/blanketter/felanmalan-gata-park/fel");
  await expect(page.locator("#form-top")).toHaveAttribute("enctype", "application/x-www-form-urlencoded");
  await page.getByLabel("Kommun", { exact: true }).selectOption("amal");
  await page.getByLabel("Gatubelysning").check();
  await page.getByLabel("Beskriv felet").fill("Gatlampan vid bron är släckt sedan en vecka.");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/plats$/);
  await expect(page.locator("#form-top")).toHaveAttribute("enctype", "multipart/form-data");
  await page.getByLabel("Var finns felet?").fill("Storgatan 1");
  await page.getByRole("button", { name: "Fortsätt", exact: true }).click();
  await expect(page).toHaveURL(/\/kontakt$/);
  expect(posts.at(-1)).toEqual({ path: "/blanketter/felanmalan-gata-park/plats", type: "multipart/form-data" });
});
