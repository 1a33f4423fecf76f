import { exclusive, expect, expectAccessible, jsDisabled, loginAsResident, loginAsStaff, test } from "./fixtures";
import { ERIK, otherContext, startFacadeChange } from "./permit-helpers";
import { signAtProvider } from "./signing-helpers";

/**
 * The property owner's consent (issue 16, decision 093): Erik applies for a bygglov on a property
 * he owns with Sara; Sara, in her own browser, finds the request on Mina sidor and signs it with
 * the test e-ID; until then the officer cannot decide, afterwards the officer sees who signed and
 * when, and decides. Another resident gets 404 on Sara's request.
 */
const SARA = "198412179288";
const MARIA = "199005122388";
const CO_OWNED = "Bengtsfors Sågen 1:24";
// Owned by Erik and Plogen Fastigheter i Åmål AB, whose firmatecknare is Peter and ombud Sara (decision 100).
const ORG_OWNED = "Bengtsfors Sågen 1:25";
const PLOGEN = "556742-9179";
const PETER = "198002079294";

test.describe("the property owner's consent", () => {
  // Erik's permit draft is shared with other journeys (one per person): one at a time.
  let release: (() => void) | undefined;
  test.beforeEach(async ({}, testInfo) => {
    // The journey alone takes minutes on a loaded machine, after waiting for the lock.
    testInfo.setTimeout(testInfo.timeout + 600_000);
    release = await exclusive("permit-residents");
  });
  test.afterEach(() => release?.());

  test("a co-owner signs on Mina sidor in another browser; the officer waits for it, then sees it and decides", async ({
    page,
    browser,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    await loginAsResident(page, ERIK, { actFor: "self" });
    const reference = await startFacadeChange(page, CO_OWNED);

    const owner = await otherContext(browser, testInfo);
    const officer = await otherContext(browser, testInfo);
    const other = await otherContext(browser, testInfo);
    try {
      // The owner is told on Mina sidor and finds the request in her list.
      await loginAsResident(owner.page, SARA, { actFor: "self" });
      await expect(
        owner.page.getByText(
          `En ansökan om bygglov för en fastighet du äger väntar på ditt medgivande (ärende ${reference}).`,
        ),
      ).toBeVisible();
      await owner.page.getByRole("link", { name: "Medgivanden som fastighetsägare" }).click();
      await expect(owner.page.getByRole("heading", { level: 1 })).toHaveText("Medgivanden som fastighetsägare");
      await expectAccessible(owner.page, browser, jsOff, "owner's consent list");
      await owner.page.getByRole("link", { name: `${CO_OWNED}, ärende ${reference}` }).click();
      const consentUrl = owner.page.url();
      await expect(owner.page.getByTestId("consent-text")).toContainText(
        `Jag är ägare till fastigheten ${CO_OWNED} och medger att bygglov söks enligt ansökan ${reference} nedan.`,
      );
      await expect(owner.page.getByTestId("consent-text")).toContainText("Byte av fasadpanel och fönster");
      await expectAccessible(owner.page, browser, jsOff, "owner's consent request");

      // Someone else does not find it.
      await loginAsResident(other.page, MARIA, { actFor: "self" });
      expect((await other.page.goto(new URL(consentUrl).pathname))?.status()).toBe(404);
      expect((await other.page.goto(`${new URL(consentUrl).pathname}/signera`))?.status()).toBe(404);

      // The officer sees the pending consent and cannot decide yet.
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: `/handlaggare/arenden/${reference}` });
      const consents = officer.page.getByRole("region", { name: "Fastighetsägarnas medgivande" });
      await expect(consents).toContainText("Sara Lindqvist: har inte svarat");
      await officer.page.getByLabel("Ny status").selectOption("complete");
      await officer.page.getByRole("button", { name: "Ändra status" }).click();
      await expect(officer.page.getByTestId("officer-case-status")).toHaveText("Komplett");
      await officer.page.getByRole("radio", { name: "Bifall – lov beviljas" }).check();
      await officer.page.getByLabel("Beslutstext och motivering").fill("Åtgärden överensstämmer med detaljplanen.");
      await officer.page.getByRole("button", { name: "Fatta beslut och skicka till sökanden" }).click();
      await expect(officer.page.getByTestId("action-error")).toHaveText(
        "En fastighetsägare har ännu inte svarat på begäran om medgivande. Beslut kan fattas först när alla ägare har svarat.",
      );

      // The owner signs with e-ID.
      await owner.page.getByRole("link", { name: "Ge medgivande och skriv under med e-legitimation" }).click();
      const shown = await signAtProvider(owner.page, SARA);
      expect(shown).toContain(`ansökan ${reference}`);
      await owner.page.waitForURL((url) => url.pathname === new URL(consentUrl).pathname);
      await expect(owner.page.getByRole("status")).toContainText("Ditt medgivande är undertecknat");
      await expect(owner.page.getByText("Medgivande undertecknat", { exact: true })).toBeVisible();
      await expect(
        owner.page.getByRole("link", { name: "Ge medgivande och skriv under med e-legitimation" }),
      ).toHaveCount(0);

      // The officer sees who signed and when, verified, and decides.
      await officer.page.goto(`/handlaggare/arenden/${reference}`);
      await expect(consents).toContainText(/Sara Lindqvist: medgivande undertecknat med e-legitimation \d/);
      const signatures = officer.page.getByRole("region", { name: "Underskrifter med e-legitimation" });
      await expect(signatures).toContainText(/Signerad av Sara Lindqvist den \d/);
      await expect(signatures.getByText("Underskriften stämmer med ansökan.")).toHaveCount(2);
      await expectAccessible(officer.page, browser, jsOff, "officer sees the owner's consent");
      await officer.page.getByRole("radio", { name: "Bifall – lov beviljas" }).check();
      await officer.page.getByLabel("Beslutstext och motivering").fill("Åtgärden överensstämmer med detaljplanen.");
      await officer.page.getByRole("button", { name: "Fatta beslut och skicka till sökanden" }).click();
      await expect(officer.page.getByRole("status")).toContainText("Beslutet är fattat");
    } finally {
      await owner.context.close();
      await officer.context.close();
      await other.context.close();
    }
  });

  test("an organisation's consent: its ombud sees the request but is refused, its firmatecknare signs with e-ID", async ({
    page,
    browser,
  }, testInfo) => {
    const jsOff = jsDisabled(testInfo);
    await loginAsResident(page, ERIK, { actFor: "self" });
    const reference = await startFacadeChange(page, ORG_OWNED);

    const ombud = await otherContext(browser, testInfo);
    const signatory = await otherContext(browser, testInfo);
    const officer = await otherContext(browser, testInfo);
    try {
      // Sara acts for the company as its ombud: she finds the request but may not answer it.
      await loginAsResident(ombud.page, SARA, { actFor: PLOGEN, redirectTo: "/mina-sidor/medgivande" });
      await ombud.page.goto("/mina-sidor/medgivande");
      await ombud.page.getByRole("link", { name: `${ORG_OWNED}, ärende ${reference}` }).click();
      const consentPath = new URL(ombud.page.url()).pathname;
      await expect(ombud.page.getByText(/^Plogen Fastigheter i Åmål AB äger fastigheten/)).toBeVisible();
      await expect(ombud.page.getByTestId("consent-not-signatory")).toHaveText(
        "Enligt Bolagsverket tecknar du inte firman för Plogen Fastigheter i Åmål AB ensam, så du kan inte svara. Be en firmatecknare logga in och svara.",
      );
      await expect(
        ombud.page.getByRole("link", { name: "Ge medgivande och skriv under med e-legitimation" }),
      ).toHaveCount(0);
      await expectAccessible(ombud.page, browser, jsOff, "an organisation's consent seen by its ombud");
      expect((await ombud.page.goto(`${consentPath}/signera`))?.status()).toBe(403);

      // Peter signs for the company per Bolagsverket: he acts for it and signs with e-ID.
      await loginAsResident(signatory.page, PETER, { actFor: PLOGEN, redirectTo: "/mina-sidor/medgivande" });
      await signatory.page.goto(consentPath);
      await expect(signatory.page.getByText(/^Svara senast .+\. Därefter kan handläggaren/)).toBeVisible();
      await signatory.page.getByRole("link", { name: "Ge medgivande och skriv under med e-legitimation" }).click();
      const shown = await signAtProvider(signatory.page, PETER);
      expect(shown).toContain(`ansökan ${reference}`);
      await signatory.page.waitForURL((url) => url.pathname === consentPath);
      await expect(signatory.page.getByRole("status")).toContainText("Ditt medgivande är undertecknat");
      await expect(signatory.page.getByText("Medgivande undertecknat", { exact: true })).toBeVisible();

      // The officer sees the organisation's consent, signed by its firmatecknare.
      await loginAsStaff(officer.page, "handlaggare.bengtsfors", { redirectTo: `/handlaggare/arenden/${reference}` });
      await expect(officer.page.getByRole("region", { name: "Fastighetsägarnas medgivande" })).toContainText(
        /Plogen Fastigheter i Åmål AB \(svarar genom sin firmatecknare\): medgivande undertecknat med e-legitimation \d/,
      );
      await expect(officer.page.getByRole("region", { name: "Underskrifter med e-legitimation" })).toContainText(
        /Signerad av Peter Johansson den \d/,
      );
    } finally {
      await ombud.context.close();
      await signatory.context.close();
      await officer.context.close();
    }
  });
});
