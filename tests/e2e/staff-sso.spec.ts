import type { Page } from "@playwright/test";
import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { exclusive, expect, jsDisabled, loginAsStaff, test } from "./fixtures";

/**
 * Staff single sign-on (issue 21, decision 064) through the local Test-SSO provider, which the
 * e2e server runs (TEST_SSO is on in test mode) and the demo seed's Åmål provider points at.
 */

/** From the staff login page through Test-SSO and back, as the person typed in or picked. */
async function ssoLogin(
  page: Page,
  who: { preset: string } | { subject: string; name: string; groups: string[] },
  redirectTo = "/personal",
) {
  await page.context().clearCookies({ name: "session" });
  await page.goto(`/personal/logga-in?redirectTo=${encodeURIComponent(redirectTo)}`);
  await page.getByRole("button", { name: "Logga in med kommunens inloggning – Åmål" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Logga in med Test-SSO" })).toBeVisible();
  if ("preset" in who) {
    await page.getByRole("button", { name: new RegExp(`^${who.preset}`) }).click();
  } else {
    await page.getByLabel("Användar-id i katalogen").fill(who.subject);
    await page.getByLabel("Namn").fill(who.name);
    await page.getByLabel("Grupper").fill(who.groups.join("\n"));
    await page.getByRole("button", { name: "Logga in", exact: true }).click();
  }
}

test.describe("staff single sign-on", () => {
  test.describe.configure({ timeout: 180_000 });

  test("an officer in Åmål logs in through the test SSO provider and handles a case", async ({
    page,
    a11y,
  }, testInfo) => {
    await page.goto("/personal/logga-in");
    await a11y("staff login with SSO button");
    await ssoLogin(page, { preset: "Anna Ek" }, "/handlaggare/arenden/AML-2026-900001");
    await expect(page).toHaveURL(/\/handlaggare\/arenden\/AML-2026-900001/);
    const marker = `SSO-anteckning ${testInfo.project.name} ${Date.now()}`;
    await page.getByLabel("Ny intern anteckning").fill(marker);
    await page.getByRole("button", { name: "Spara anteckning" }).click();
    await expect(page.getByTestId("internal-notes")).toContainText(marker);
    await a11y("case handled by an SSO officer");
  });

  test("a login without MFA is refused with a clear message", async ({ page, a11y }) => {
    await page.goto("/personal/logga-in");
    await page.getByRole("button", { name: "Logga in med kommunens inloggning – Åmål" }).click();
    await page.getByLabel("Två faktorer (bara för test)").selectOption("no");
    await page.getByRole("button", { name: /^Anna Ek/ }).click();
    await expect(page.getByTestId("sso-refusal")).toContainText("intygade inte att du använde två faktorer");
    await a11y("SSO refusal");
  });

  test("an Åmål admin maps a directory group to the editor role and a new person with that group can publish at first login", async ({
    page,
    browser,
    a11y,
  }, testInfo) => {
    const group = `AML-Webbredaktorer-${testInfo.project.name}-${Date.now()}`;
    await loginAsStaff(page, "admin.amal", { redirectTo: "/admin/inloggning", fresh: true });
    await expect(page.getByRole("heading", { level: 1, name: "Inloggning för anställda" })).toBeVisible();
    await a11y("staff SSO admin");
    const form = page
      .locator("form")
      .filter({ has: page.getByRole("button", { name: "Koppla en grupp till en roll" }) });
    await form.getByLabel("Grupp i katalogen").fill(group);
    await form.getByLabel("Roll").selectOption("editor");
    await form.getByLabel("Förvaltning (för redaktörer och skribenter)").selectOption({ label: "Åmål: Kommunledning" });
    await form.getByRole("button", { name: "Koppla en grupp till en roll" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Gruppen är kopplad." })).toBeVisible();
    await expect(page.getByRole("cell", { name: group, exact: true })).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: !jsDisabled(testInfo), locale: "sv-SE" });
    try {
      const editor = await context.newPage();
      const release = await exclusive("amal-medborgarforslag");
      try {
        await ssoLogin(
          editor,
          { subject: `ny-redaktor-${testInfo.project.name}-${Date.now()}`, name: "Nora Nyström", groups: [group] },
          "/redaktor",
        );
        await expect(editor.getByRole("heading", { level: 1, name: "Redaktör" })).toBeVisible();
        await editor.getByRole("link", { name: "Medborgarförslag", exact: true }).click();
        await editor.getByRole("button", { name: "Publicera", exact: true }).click();
        await expect(editor.getByRole("status")).toBeVisible();
        await expect(editor.getByRole("button", { name: "Publicera", exact: true })).toBeVisible();
      } finally {
        release();
      }
    } finally {
      await context.close();
    }
  });

  test("a municipality that requires SSO refuses local password login for its staff", async ({ page, a11y }) => {
    const release = await exclusive("amal-sso-required");
    try {
      await loginAsStaff(page, "admin.amal", { redirectTo: "/admin/inloggning", fresh: true });
      await page.getByRole("button", { name: "Kräv kommunens inloggning för Åmål" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Inställningen är sparad." })).toBeVisible();
      try {
        await page.context().clearCookies({ name: "session" });
        await page.goto("/personal/logga-in");
        await page.getByLabel("Användarnamn").fill("handlaggare.amal");
        await page.getByLabel("Lösenord").fill(DEV_STAFF_PASSWORD);
        await page.getByRole("button", { name: "Fortsätt" }).click();
        await expect(
          page.getByRole("link", { name: /kräver att anställda loggar in med kommunens inloggning/ }),
        ).toBeVisible();
        await expect(page).toHaveURL(/\/personal\/logga-in/);
        await a11y("local login refused: SSO required");
        // Break-glass: a portal-wide admin still signs in with password and code.
        await loginAsStaff(page, "admin.portal", { redirectTo: "/admin/inloggning", fresh: true });
        await expect(page.getByRole("heading", { level: 1, name: "Inloggning för anställda" })).toBeVisible();
      } finally {
        await loginAsStaff(page, "admin.portal", { redirectTo: "/admin/inloggning", fresh: true });
        await page.getByRole("button", { name: "Tillåt lösenord igen för Åmål" }).click();
        await expect(page.getByRole("status").filter({ hasText: "Inställningen är sparad." })).toBeVisible();
      }
    } finally {
      release();
    }
  });
});
