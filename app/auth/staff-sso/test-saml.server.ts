import { join } from "node:path";
import { eq } from "drizzle-orm";
import express from "express";
import {
  municipality,
  staffSsoMapping,
  staffSsoProvider,
  staffSsoProviderMunicipality,
} from "../../../db/schema/index";
import { db } from "~/db.server";
import { env, TEST_SSO_PATH } from "~/env.server";
import { isLanguage, type Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { log } from "~/utils/logger.server";
import { idpLanguage } from "../test-idp.server";
import { STAFF_SAML_PATH } from "./saml-login.server";
import { storedKeyAndCertificate, type KeyAndCertificate } from "./self-signed-certificate.server";
import {
  createTestSamlIdp,
  TEST_SAML_ATTRIBUTES,
  TEST_SAML_MFA_CONTEXT,
  type TestSamlIdp,
  type TestSamlPerson,
} from "./test-saml-idp.server";
import { escape, page } from "./test-sso.server";

/** The "sso" namespace's texts for this page (read where the page is written, so the key check sees them). */
const ssoT =
  (lang: Language) =>
  (key: string): string =>
    String(getFixedT(lang, "sso")(key));

/**
 * "Test-SAML": the local SAML identity provider as a page for testers (demo and test only,
 * decision 073), mounted at /test-sso/saml when TEST_SSO=on (production refuses that). It reads
 * the portal's AuthnRequest (HTTP-Redirect), lets the tester pick a person, their groups and
 * whether two factors were used, and answers with a signed Response by HTTP-POST to the ACS named
 * in the request: a form that submits itself with JavaScript and has a button without.
 * Its key is kept in DATA_DIR so that every process of the portal signs with the same key.
 */
export const TEST_SAML_PATH = `${TEST_SSO_PATH}/saml`;
export const testSamlEntityId = () => `${env().PUBLIC_URL}${TEST_SAML_PATH}`;

/** Presets for testers (Mellerud's seeded mappings, providers.server.ts); anyone else can be typed in. */
const PRESETS: Record<string, Omit<TestSamlPerson, "mfa">> = {
  "mel-dora.lind": {
    subject: "mel-dora.lind",
    displayName: "Dora Lind",
    email: "dora.lind@mellerud.example.se",
    groups: ["MEL-Handlaggare-Allmant", "MEL-Handlaggare-Bygglov"],
  },
  "mel-erik.strand": {
    subject: "mel-erik.strand",
    displayName: "Erik Strand",
    email: "erik.strand@mellerud.example.se",
    groups: ["MEL-Alla-Anstallda"],
  },
};

/** The demo IdP's key and certificate (DATA_DIR/.test-saml-idp.json); the seed trusts its certificate. */
export function testSamlKey(): KeyAndCertificate {
  return storedKeyAndCertificate(join(env().DATA_DIR, ".test-saml-idp.json"), "Dalsland Test-SAML IdP");
}

function loginPage(lang: Language, query: { SAMLRequest: string; RelayState: string }): string {
  const t = ssoT(lang);
  const people = Object.entries(PRESETS)
    .map(
      ([id, p]) =>
        `<li><button class="sso-person" type="submit" name="preset" value="${escape(id)}">${escape(p.displayName ?? id)}<span>${escape(p.groups.join(", "))}</span></button></li>`,
    )
    .join("");
  return page(
    lang,
    t("testSaml.title"),
    `<h1>${escape(t("testSaml.heading"))}</h1>
<p class="sso-warning">${escape(t("testSso.login.warning"))}</p>
<form method="post" action="${TEST_SAML_PATH}/sso"><input type="hidden" name="lang" value="${lang}">
<input type="hidden" name="SAMLRequest" value="${escape(query.SAMLRequest)}"><input type="hidden" name="RelayState" value="${escape(query.RelayState)}">
<label for="mfa">${escape(t("testSso.login.mfa"))}</label>
<select id="mfa" name="mfa"><option value="yes" selected>${escape(t("testSso.login.mfaYes"))}</option><option value="no">${escape(t("testSso.login.mfaNo"))}</option></select>
<h2 id="people-heading">${escape(t("testSso.login.choose"))}</h2>
<ul aria-labelledby="people-heading">${people}</ul>
<h2>${escape(t("testSso.login.orType"))}</h2>
<label for="subject">${escape(t("testSso.login.subject"))}</label><input id="subject" name="subject" autocomplete="off">
<label for="name">${escape(t("testSso.login.name"))}</label><input id="name" name="name" autocomplete="off">
<label for="email">${escape(t("testSso.login.email"))}</label><input id="email" name="email" type="email" autocomplete="off">
<label for="groups">${escape(t("testSso.login.groups"))}</label><span class="sso-hint" id="groups-hint">${escape(t("testSso.login.groupsHint"))}</span>
<textarea id="groups" name="groups" rows="3" aria-describedby="groups-hint"></textarea>
<button class="sso-submit" type="submit" name="preset" value="">${escape(t("testSso.login.submit"))}</button>
</form>`,
  );
}

/** The HTTP-POST binding's answer (saml-bindings-2.0-os §3.5.4): a form to the ACS, sent by script or by hand. */
function postPage(lang: Language, acsUrl: string, samlResponse: string, relayState: string, nonce: string): string {
  const t = ssoT(lang);
  return page(
    lang,
    t("testSaml.title"),
    `<h1>${escape(t("testSaml.sending"))}</h1>
<form id="saml-post" method="post" action="${escape(acsUrl)}">
<input type="hidden" name="SAMLResponse" value="${escape(samlResponse)}">${relayState ? `<input type="hidden" name="RelayState" value="${escape(relayState)}">` : ""}
<button class="sso-submit" type="submit">${escape(t("testSaml.continue"))}</button></form>
<script nonce="${escape(nonce)}">document.getElementById("saml-post").submit();</script>`,
  );
}

function parseGroups(text: string): string[] {
  const out = new Set<string>();
  for (const line of text.split("\n"))
    for (const part of line.split(",")) {
      const group = part.trim().slice(0, 200);
      if (group) out.add(group);
    }
  return [...out].slice(0, 50);
}

export interface TestSamlRouter {
  mountPath: string;
  router: express.Router;
}

/** The router; null when TEST_SSO is off (always in production). */
export function createTestSamlRouter(): TestSamlRouter | null {
  const e = env();
  if (e.TEST_SSO !== "on" || e.PORTAL_ENV === "production") return null;
  const idp: TestSamlIdp = createTestSamlIdp({ entityId: testSamlEntityId(), key: testSamlKey() });
  // It signs only for this portal's assertion consumer services, never for an address it is given.
  const acsPrefix = `${e.PUBLIC_URL}${STAFF_SAML_PATH}/`;
  const router = express.Router();
  const bad = (res: express.Response, lang: Language) => {
    const t = ssoT(lang);
    res
      .status(400)
      .type("html")
      .send(page(lang, t("testSaml.title"), `<h1>${escape(t("testSaml.badRequest"))}</h1>`));
  };
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.get("/sso", async (req, res, next) => {
    const lang = idpLanguage({
      uiLocales: undefined,
      cookie: req.get("cookie"),
      acceptLanguage: req.get("accept-language"),
    });
    try {
      const query = new URLSearchParams(req.url.split("?")[1] ?? "");
      const request = await idp.parseAuthnRequest(query).catch(() => null);
      if (!request?.acsUrl?.startsWith(acsPrefix)) return bad(res, lang);
      res
        .type("html")
        .setHeader("Cache-Control", "no-store")
        .send(
          loginPage(lang, { SAMLRequest: query.get("SAMLRequest") ?? "", RelayState: query.get("RelayState") ?? "" }),
        );
    } catch (error) {
      next(error);
    }
  });
  const form = express.urlencoded({ extended: false, limit: "64kb" });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.post("/sso", form, async (req, res, next) => {
    const body = req.body as Record<string, string | undefined>;
    const lang: Language = isLanguage(body.lang) ? body.lang : "sv";
    try {
      const request = await idp
        .parseAuthnRequest(new URLSearchParams({ SAMLRequest: body.SAMLRequest ?? "" }))
        .catch(() => null);
      if (!request?.acsUrl?.startsWith(acsPrefix) || !request.issuer) return bad(res, lang);
      const preset = body.preset ? PRESETS[body.preset] : undefined;
      const subject = preset?.subject ?? (body.subject ?? "").trim().slice(0, 100);
      if (!subject) {
        res
          .status(400)
          .type("html")
          .send(loginPage(lang, { SAMLRequest: body.SAMLRequest ?? "", RelayState: body.RelayState ?? "" }));
        return;
      }
      const person: TestSamlPerson = {
        subject,
        displayName: preset?.displayName ?? ((body.name ?? "").trim().slice(0, 100) || subject),
        email: preset?.email ?? ((body.email ?? "").trim().slice(0, 200) || null),
        groups: preset?.groups ?? parseGroups(body.groups ?? ""),
        mfa: body.mfa !== "no",
      };
      const samlResponse = idp.buildResponse({
        inResponseTo: request.id,
        acsUrl: request.acsUrl,
        audience: request.issuer,
        person,
      });
      const nonce = String((res.locals as { cspNonce?: unknown }).cspNonce ?? "");
      res
        .type("html")
        .setHeader("Cache-Control", "no-store")
        .send(postPage(lang, request.acsUrl, samlResponse, (body.RelayState ?? "").slice(0, 80), nonce));
    } catch (error) {
      next(error);
    }
  });
  log("warn", "the local staff SAML test provider (Test-SAML) is on", { entityId: idp.entityId });
  return { mountPath: TEST_SAML_PATH, router };
}

const DEMO_PROVIDER_NAME = "Melleruds kommuns inloggning (test, SAML)";

/**
 * Demo and test only (never production, decision 041): one SAML provider for Mellerud that trusts
 * Test-SAML at this run's PUBLIC_URL, and its mappings. Idempotent; the entity id, URLs and
 * certificate follow PUBLIC_URL and the key in DATA_DIR at every start.
 */
export function seedDemoSamlProvider(): void {
  if (env().PORTAL_ENV === "production" || env().TEST_SSO !== "on") return;
  const mellerud = db()
    .select({ id: municipality.id })
    .from(municipality)
    .where(eq(municipality.slug, "mellerud"))
    .get();
  if (!mellerud) return;
  const values = {
    samlIdpEntityId: testSamlEntityId(),
    samlSsoUrl: `${testSamlEntityId()}/sso`,
    samlIdpCertificate: testSamlKey().certificatePem,
  };
  const existing = db()
    .select({ id: staffSsoProvider.id })
    .from(staffSsoProvider)
    .where(eq(staffSsoProvider.name, DEMO_PROVIDER_NAME))
    .get();
  if (existing) {
    db().update(staffSsoProvider).set(values).where(eq(staffSsoProvider.id, existing.id)).run();
    return;
  }
  db().transaction((tx) => {
    const providerId = tx
      .insert(staffSsoProvider)
      .values({
        name: DEMO_PROVIDER_NAME,
        protocol: "saml",
        enabled: true,
        ...values,
        groupsAttribute: TEST_SAML_ATTRIBUTES.groups,
        mfaValues: JSON.stringify([TEST_SAML_MFA_CONTEXT]),
      })
      .returning({ id: staffSsoProvider.id })
      .get().id;
    tx.insert(staffSsoProviderMunicipality).values({ providerId, municipalityId: mellerud.id }).run();
    tx.insert(staffSsoMapping)
      .values([
        {
          providerId,
          groupName: "MEL-Handlaggare-Allmant",
          role: "officer",
          municipalityId: mellerud.id,
          area: "allmant",
        },
        {
          providerId,
          groupName: "MEL-Handlaggare-Bygglov",
          role: "officer",
          municipalityId: mellerud.id,
          area: "bygglov",
        },
      ])
      .run();
  });
}
