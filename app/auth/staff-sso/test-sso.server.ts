import { createHash, type KeyObject } from "node:crypto";
import { join } from "node:path";
import express from "express";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { env, TEST_SSO_CLIENT, TEST_SSO_PATH } from "~/env.server";
import { isLanguage, type Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { lazyRouter } from "~/utils/lazy-router.server";
import { log } from "~/utils/logger.server";
import { idpLanguage } from "../test-idp.server";
import { STAFF_SSO_CALLBACK_PATH } from "./oidc.server";
import { storedRsaKey } from "./self-signed-certificate.server";

/**
 * "Test-SSO": a real OpenID Connect provider (oidc-provider) that plays a municipality's staff
 * directory in demo and tests (decision 064). The tester picks a person, their directory groups
 * and whether a second factor was used (`amr` ["pwd","otp","mfa"] and acr loa3, or only
 * ["pwd"] and loa2), so that the portal's MFA refusal and role mapping can be tried over the
 * real protocol. Mounted at /test-sso only when TEST_SSO=on, which production refuses.
 */
interface TestStaff {
  name: string;
  email: string;
  groups: string[];
}

/** Presets for testers; anyone else can be typed in. */
const PRESETS: Record<string, TestStaff> = {
  "anna.ek": {
    name: "Anna Ek",
    email: "anna.ek@amal.example.se",
    groups: ["AML-Handlaggare-Allmant", "AML-Handlaggare-Barnomsorg"],
  },
  "bo.berg": { name: "Bo Berg", email: "bo.berg@amal.example.se", groups: ["AML-Handlaggare-Bygglov"] },
  "cecilia.dahl": { name: "Cecilia Dahl", email: "cecilia.dahl@amal.example.se", groups: ["AML-Alla-Anstallda"] },
};

const MFA = { acr: "http://id.elegnamnden.se/loa/1.0/loa3", amr: ["pwd", "otp", "mfa"] };
const NO_MFA = { acr: "http://id.elegnamnden.se/loa/1.0/loa2", amr: ["pwd"] };

// In memory, like the resident test provider: a restart forgets everything, on purpose.
const accounts = new Map<string, TestStaff>();

export const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

type T = (key: string) => string;
const tFor = (lang: Language): T => {
  const t = getFixedT(lang, "sso");
  return (key) => String(t(key));
};

function langOf(params: Record<string, unknown>, cookie?: string | null, acceptLanguage?: string | null): Language {
  return idpLanguage({ uiLocales: params.ui_locales, cookie, acceptLanguage });
}

/** A Test-SSO page (also the test SAML IdP's, test-saml.server.ts). */
export function page(lang: Language, title: string, body: string): string {
  const t = tFor(lang);
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – ${escape(t("testSso.brand"))}</title><link rel="stylesheet" href="${TEST_SSO_PATH}/_assets/sso.css"></head>
<body><header class="sso-header"><p class="sso-brand">${escape(t("testSso.brand"))}</p><p>${escape(t("testSso.tagline"))}</p></header>
<main id="main" class="sso-main">${body}</main></body></html>`;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff}
.sso-header{background:#1d4f6e;color:#fff;padding:1rem}.sso-header p{margin:0}.sso-brand{font-size:1.5rem;font-weight:700}
.sso-main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:2rem;margin:1rem 0}h2{font-size:1.4rem;margin:2rem 0 .75rem}
.sso-warning{border:4px solid #8a5a00;background:#fff4d6;padding:.75rem}ul{list-style:none;padding:0}li{margin:0 0 .5rem}
button{font:inherit;cursor:pointer}.sso-person{display:block;width:100%;text-align:left;padding:.75rem;border:2px solid #505a5f;background:#f3f2f1;color:#0b0c0c;border-radius:4px}
.sso-person span{display:block;font-size:1rem;color:#3d3d3d}
button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,a:focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
label{display:block;font-weight:700;margin:1rem 0 .25rem}.sso-hint{display:block;color:#3d3d3d;margin-bottom:.25rem}
input,select,textarea{font:inherit;width:100%;max-width:24rem;padding:.4rem;border:2px solid #0b0c0c;border-radius:0}
.sso-submit{margin-top:1rem;padding:.6rem 1.2rem;background:#00703c;color:#fff;border:0;font-weight:700}
.sso-cancel{margin-top:1.5rem;padding:.5rem 1rem;background:#f3f2f1;border:2px solid #505a5f;color:#0b0c0c}
`;

function loginPage(lang: Language, uid: string): string {
  const t = tFor(lang);
  const action = `${TEST_SSO_PATH}/interaction/${escape(uid)}`;
  const people = Object.entries(PRESETS)
    .map(
      ([sub, p]) =>
        `<li><button class="sso-person" type="submit" name="preset" value="${escape(sub)}">${escape(p.name)}<span>${escape(p.groups.join(", "))}</span></button></li>`,
    )
    .join("");
  return page(
    lang,
    t("testSso.login.title"),
    `<h1>${escape(t("testSso.login.heading"))}</h1>
<p class="sso-warning">${escape(t("testSso.login.warning"))}</p>
<form method="post" action="${action}/login"><input type="hidden" name="lang" value="${lang}">
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
</form>
<form method="post" action="${action}/abort"><button class="sso-cancel" type="submit">${escape(t("testSso.login.cancel"))}</button></form>`,
  );
}

function parseGroups(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\n,]/)
        .map((g) => g.trim().slice(0, 200))
        .filter(Boolean),
    ),
  ].slice(0, 50);
}

export interface TestSsoProvider {
  mountPath: string;
  router: express.Router;
}

/** Builds the provider and its routes; null when TEST_SSO is off (always in production). */
export function createTestSsoProvider(): TestSsoProvider | null {
  const e = env();
  if (e.TEST_SSO !== "on" || e.PORTAL_ENV === "production") return null;
  const issuer = `${e.PUBLIC_URL}${TEST_SSO_PATH}`;
  log("warn", "the local staff SSO test provider (Test-SSO) is on", { issuer });
  // oidc-provider is loaded at the first request to the provider, not at start (decision 127).
  // Its key is kept in DATA_DIR (decision 095), made off the event loop on first use (135).
  const router = lazyRouter(async () => {
    const [provider, privateKey] = await Promise.all([
      import("oidc-provider"),
      storedRsaKey(join(e.DATA_DIR, ".test-sso-key.pem")),
    ]);
    return testSsoRouter(e, issuer, provider.default, privateKey);
  });
  return { mountPath: TEST_SSO_PATH, router };
}

function testSsoRouter(
  e: ReturnType<typeof env>,
  issuer: string,
  Provider: typeof import("oidc-provider").default,
  privateKey: KeyObject,
): express.Router {
  const jwk = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-sso-1" };
  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_SSO_CLIENT.clientId,
        client_secret: TEST_SSO_CLIENT.clientSecret,
        redirect_uris: [`${e.PUBLIC_URL}${STAFF_SSO_CALLBACK_PATH}`],
        post_logout_redirect_uris: [`${e.PUBLIC_URL}/personal/logga-in`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [createHash("sha256").update(`test-sso|${e.SESSION_SECRET}`).digest("base64url")] },
    pkce: { required: () => true },
    scopes: ["openid", "profile", "email"],
    claims: {
      acr: null,
      amr: null,
      auth_time: null,
      sid: null,
      // Like Entra ID and ADFS: how the person authenticated is always in the ID token, unasked.
      openid: ["sub", "acr", "amr", "sid", "auth_time"],
      profile: ["name", "groups"],
      email: ["email"],
    },
    acrValues: [MFA.acr, NO_MFA.acr],
    // Like Entra ID's groups claim: in the ID token.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          const lang = langOf(ctx.oidc?.params ?? {}, ctx.get("cookie"), ctx.get("accept-language"));
          const t = tFor(lang);
          ctx.body = page(
            lang,
            t("testSso.logout.title"),
            `<h1>${escape(t("testSso.logout.title"))}</h1>${form}<button class="sso-submit" type="submit" form="op.logoutForm" name="logout" value="yes">${escape(t("testSso.logout.submit"))}</button>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${TEST_SSO_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: async () => ({ sub, name: account.name, email: account.email, groups: account.groups }),
      };
    },
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope("openid profile email");
      grant.addOIDCClaims(["name", "email", "groups"]);
      await grant.save();
      return grant;
    },
  };

  const provider = new Provider(issuer, configuration);
  const router = express.Router();
  router.get("/_assets/sso.css", (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "public, max-age=3600");
    res.send(CSS);
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.get("/interaction/:uid", async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name !== "login") {
        await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
        return;
      }
      res
        .type("html")
        .send(loginPage(langOf(details.params, req.get("cookie"), req.get("accept-language")), details.uid));
    } catch (error) {
      next(error);
    }
  });
  const form = express.urlencoded({ extended: false, limit: "10kb" });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.post("/interaction/:uid/login", form, async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const body = req.body as Record<string, string | undefined>;
      const preset = body.preset ? PRESETS[body.preset] : undefined;
      const subject = preset ? body.preset! : (body.subject ?? "").trim().slice(0, 100);
      if (!subject) {
        const lang = isLanguage(body.lang) ? body.lang : "sv";
        res.status(400).type("html").send(loginPage(lang, details.uid));
        return;
      }
      accounts.set(
        subject,
        preset ?? {
          name: (body.name ?? "").trim().slice(0, 100) || subject,
          email: (body.email ?? "").trim().slice(0, 200),
          groups: parseGroups(body.groups ?? ""),
        },
      );
      const how = body.mfa === "no" ? NO_MFA : MFA;
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: subject, acr: how.acr, amr: how.amr } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.post("/interaction/:uid/abort", async (req, res, next) => {
    try {
      await provider.interactionFinished(
        req,
        res,
        { error: "access_denied", error_description: "The user cancelled the login" },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      next(error);
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- oidc-provider's documented Express mount
  router.use(provider.callback());
  return router;
}
