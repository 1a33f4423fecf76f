import { DEV_STAFF_PASSWORD } from "../../db/seed/content/staff";
import { baseURL } from "../../playwright.config";
import { expect, jsDisabled, loginAsStaff, test } from "./fixtures";

// ASVS 2.3.2 (docs/decisions/049): a staff member adds a FIDO2 security key and then logs in
// with password + key instead of the TOTP code. The key is Chromium's virtual authenticator.
const USERNAME = "redaktor.dals-ed";

// Chromium refuses an IP address as relying party: the journey runs on localhost, which the
// server maps its loopback PUBLIC_URL to (app/auth/webauthn.server.ts, relyingParty).
test.use({ baseURL: baseURL.replace("127.0.0.1", "localhost") });

test("a staff member adds a security key, logs out and logs in with password and key", async ({
  page,
  a11y,
}, testInfo) => {
  test.skip(
    jsDisabled(testInfo),
    "WebAuthn needs JavaScript; without it the TOTP path stays (covered by the staff login journeys)",
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "usb",
      hasResidentKey: false,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });

  await loginAsStaff(page, USERNAME, { redirectTo: "/personal/sakerhetsnycklar", fresh: true });
  await expect(page.getByRole("heading", { level: 1, name: "Säkerhetsnycklar" })).toBeVisible();
  await expect(page.getByText("Du har inga säkerhetsnycklar.")).toBeVisible();
  await a11y("/personal/sakerhetsnycklar");

  await page.getByLabel("Namn på nyckeln").fill("Blå nyckel");
  await page.getByRole("button", { name: "Lägg till säkerhetsnyckel" }).click();
  await expect(page.getByText("Säkerhetsnyckeln är tillagd.")).toBeVisible();
  await expect(page.getByRole("cell", { name: "Blå nyckel" })).toBeVisible();
  await a11y("/personal/sakerhetsnycklar with a key");

  await page.getByRole("button", { name: "Logga ut" }).first().click();
  await page.waitForURL((url) => !url.pathname.startsWith("/personal/sakerhetsnycklar"));

  await page.goto("/personal/logga-in?redirectTo=%2Fpersonal%2Fsakerhetsnycklar");
  await page.getByLabel("Användarnamn").fill(USERNAME);
  await page.getByLabel("Lösenord").fill(DEV_STAFF_PASSWORD);
  await page.getByRole("button", { name: "Fortsätt" }).click();
  await page.waitForURL(/\/personal\/logga-in\/kod/);
  await page.getByRole("button", { name: "Använd säkerhetsnyckel" }).click();
  await page.waitForURL(/\/personal\/sakerhetsnycklar/);
  await expect(page.getByRole("cell", { name: "Blå nyckel" })).toBeVisible();
  // The key's last use is now shown instead of "Aldrig".
  await expect(page.getByRole("cell", { name: "Aldrig" })).toHaveCount(0);
});
