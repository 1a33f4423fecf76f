import { createHash, createPublicKey, createSign, randomUUID, type KeyObject } from "node:crypto";
import { join } from "node:path";
import express from "express";
import type { Configuration, KoaContextWithOIDC } from "oidc-provider";
import { testPersons } from "../../db/seed/content/people";
import { parsePersonnummer, formatPersonnummer } from "../../forms/lib/identity-number";
import { env, TEST_IDP_CLIENT, TEST_IDP_PATH } from "~/env.server";
import { LOA3, LOA4 } from "./assurance";
import { isSignRequest, SIGN_REQUEST_PARAM, SIGN_SCOPE, USER_SIGNATURE_CLAIM, type SignRequest } from "./oidc-sign";
import { defaultLanguage, isLanguage, type Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { lazyRouter } from "~/utils/lazy-router.server";
import { log } from "~/utils/logger.server";
import { storedRsaKey } from "./staff-sso/self-signed-certificate.server";

/**
 * "Test-legitimation": a real OpenID Connect provider (oidc-provider) that plays the Swedish
 * e-ID broker in development and tests (docs/decisions/006). Mounted at /test-idp in the
 * portal's own Express app; the portal talks to it over HTTP exactly as to a real provider.
 * It never runs in production (TEST_IDP=on is refused there at start, docs/decisions/041); in
 * demo and test every page shows a warning.
 */
interface Account {
  personnummer: string;
  givenName: string;
  familyName: string;
}

/**
 * The levels of assurance the test provider can claim (`acr`): level 3 unless the tester picks
 * another, so that a too-weak login can be tried (the portal must refuse level 2).
 */
const TEST_LEVELS = { loa2: "http://id.elegnamnden.se/loa/1.0/loa2", loa3: LOA3, loa4: LOA4 } as const;
type TestLevel = keyof typeof TEST_LEVELS;
const isTestLevel = (v: unknown): v is TestLevel =>
  typeof v === "string" && Object.prototype.hasOwnProperty.call(TEST_LEVELS, v);

// The provider keeps its sessions in memory too: a restart forgets everything, on purpose.
const accounts = new Map<string, Account>();
/** Verified sign requests from signed Request Objects, by client and nonce, until the person signs or leaves. */
const signRequests = new Map<string, { request: SignRequest; requiredPersonnummer: string | null; at: number }>();
const signKey = (clientId: unknown, nonce: unknown) => `${String(clientId)}|${String(nonce)}`;
/**
 * Signatures made, by the grant the signing consent created: the authorization code of that
 * sign flow carries the grant, so its ID token gets exactly this signature. Kept on the account
 * (one per person) a second sign or login of the same person in between took it away.
 */
const signatures = new Map<string, { userSignature: string; at: number }>();

/**
 * The signature the test provider makes for the person (the "e-ID"): a JWS (RS256) with the
 * provider's key, whose header carries the public key (as a signature carries its certificate),
 * over the SHA-256 of the exact tbs_data bytes, the signer and the time. The portal verifies it
 * on receipt and whenever it is checked again (app/services/e-signature.server.ts).
 */
function makeUserSignature(input: {
  key: KeyObject;
  publicJwk: Record<string, unknown>;
  issuer: string;
  audience: string;
  personnummer: string;
  name: string;
  tbsData: string;
  claimName: string;
}): string {
  const b64u = (v: string | Buffer) => Buffer.from(v).toString("base64url");
  const header = { alg: "RS256", typ: "JOSE", kid: input.publicJwk.kid, jwk: input.publicJwk };
  const payload = {
    iss: input.issuer,
    aud: input.audience,
    jti: randomUUID(),
    iat: Math.floor(Date.now() / 1000),
    [input.claimName]: input.personnummer,
    name: input.name,
    tbs_hash_alg: "S256",
    tbs_hash: createHash("sha256").update(Buffer.from(input.tbsData, "base64")).digest("base64url"),
  };
  const signingInput = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const signature = createSign("RSA-SHA256").update(signingInput).sign(input.key).toString("base64url");
  return Buffer.from(`${signingInput}.${signature}`, "utf8").toString("base64");
}

function accountIdFor(personnummer: string): string {
  return `test-${createHash("sha256").update(`test-idp|${personnummer}`).digest("hex").slice(0, 20)}`;
}

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

function langOfContext(ctx: KoaContextWithOIDC): Language {
  let uiLocales: unknown;
  try {
    uiLocales = ctx.oidc?.params?.ui_locales;
  } catch {
    uiLocales = undefined;
  }
  return idpLanguage({ uiLocales, cookie: ctx.get("cookie"), acceptLanguage: ctx.get("accept-language") });
}

function langOfInteraction(params: Record<string, unknown>, req: express.Request): Language {
  return idpLanguage({
    uiLocales: params.ui_locales,
    cookie: req.get("cookie"),
    acceptLanguage: req.get("accept-language"),
  });
}

/**
 * The provider's pages follow the portal's language (docs/decisions/038): `ui_locales` from
 * the authorization or logout request (the portal always sends its language), then the
 * portal's `lang` cookie (same origin), then Accept-Language, then Swedish. Texts live in
 * public/locales/{sv,en}/auth.json under testIdp, like every other text.
 */
export function idpLanguage(input: {
  uiLocales?: unknown;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Language {
  if (typeof input.uiLocales === "string") {
    for (const tag of input.uiLocales.split(/\s+/)) {
      const base = tag.toLowerCase().split("-")[0];
      if (isLanguage(base)) return base;
    }
  }
  for (const part of (input.cookie ?? "").split(";")) {
    const [key, value] = part.trim().split("=");
    if (key === "lang" && isLanguage(value)) return value;
  }
  const ranked = (input.acceptLanguage ?? "")
    .split(",")
    .map((entry, i) => {
      const [tag, ...params] = entry.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      return { base: (tag ?? "").toLowerCase().split("-")[0], q: q ? Number(q.slice(2)) || 0 : 1, i };
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const { base } of ranked) if (isLanguage(base)) return base;
  return defaultLanguage;
}

type IdpT = (key: string, options?: Record<string, unknown>) => string;
const tFor = (lang: Language): IdpT => {
  const t = getFixedT(lang, "auth");
  return (key, options) => String(t(key, options ?? {}));
};

function page(lang: Language, title: string, body: string): string {
  const t = tFor(lang);
  return `<!DOCTYPE html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} – ${escape(t("testIdp.titleSuffix"))}</title><link rel="stylesheet" href="${TEST_IDP_PATH}/_assets/idp.css"></head>
<body><header class="idp-header"><p class="idp-brand" lang="sv">${escape(t("testIdp.brand"))}</p><p>${escape(t("testIdp.tagline"))}</p></header>
<main id="main" class="idp-main">${body}</main></body></html>`;
}

const CSS = `
*{box-sizing:border-box}body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#0b0c0c;background:#fff}
.idp-header{background:#5a2d82;color:#fff;padding:1rem}.idp-header p{margin:0}.idp-brand{font-size:1.5rem;font-weight:700}
.idp-main{max-width:40rem;margin:0 auto;padding:1rem}h1{font-size:2rem;margin:1rem 0}h2{font-size:1.4rem;margin:2rem 0 .75rem}
.idp-warning{border:4px solid #8a5a00;background:#fff4d6;padding:.75rem}
.idp-people{list-style:none;padding:0;margin:0}.idp-people li{margin:0 0 .5rem}
button{font:inherit;cursor:pointer}.idp-person{display:block;width:100%;text-align:left;padding:.75rem;border:2px solid #505a5f;background:#f3f2f1;color:#0b0c0c;border-radius:4px}
.idp-person:hover{background:#e1e1e1}.idp-person span{display:block;font-size:1rem;color:#3d3d3d}
button:focus-visible,input:focus-visible,select:focus-visible,a:focus-visible{outline:3px solid #ffbf47;outline-offset:0;box-shadow:0 0 0 5px #0b0c0c}
label{display:block;font-weight:700;margin:1rem 0 .25rem}.idp-hint{display:block;color:#3d3d3d;margin-bottom:.25rem}
input,select{font:inherit;width:100%;max-width:20rem;padding:.4rem;border:2px solid #0b0c0c;border-radius:0}input[aria-invalid=true]{border:3px solid #b10e1e}
.idp-error{color:#b10e1e;font-weight:700;display:block}.idp-summary{border:4px solid #b10e1e;padding:.75rem;margin:1rem 0}.idp-summary a{color:#b10e1e;font-weight:700}
.idp-submit{margin-top:1rem;padding:.6rem 1.2rem;background:#00703c;color:#fff;border:0;box-shadow:0 2px 0 #002d18;font-weight:700}
.idp-message{white-space:pre-wrap;overflow-wrap:anywhere;border:2px solid #505a5f;padding:.75rem;background:#f3f2f1}
.idp-cancel{margin-top:1.5rem;padding:.5rem 1rem;background:#f3f2f1;border:2px solid #505a5f;color:#0b0c0c}
`;

type IdpError = "format" | "checksum" | "date";

function loginPage(
  lang: Language,
  uid: string,
  error?: { code: IdpError; value: string; given: string; family: string; level: TestLevel },
): string {
  const t = tFor(lang);
  const adults = testPersons.filter((p) => {
    const parsed = parsePersonnummer(p.personnummer);
    return parsed.ok && parsed.value.age >= 18;
  });
  const action = `${TEST_IDP_PATH}/interaction/${escape(uid)}`;
  const people = adults
    .map(
      (p) =>
        `<li><button class="idp-person" type="submit" name="person" value="${escape(p.id)}">${escape(p.givenName)} ${escape(p.familyName)}<span>${escape(formatPersonnummer(p.personnummer))}${p.kind === "samordningsnummer" ? ` (${escape(t("testIdp.login.coordination"))})` : ""}</span></button></li>`,
    )
    .join("");
  const message = error ? t(`testIdp.errors.${error.code}`) : "";
  const summary = error
    ? `<div class="idp-summary" role="alert" aria-labelledby="summary-title"><h2 id="summary-title">${escape(t("testIdp.login.errorSummary"))}</h2><ul><li><a href="#personnummer">${escape(message)}</a></li></ul></div>`
    : "";
  // The language goes along in the form so that an error page answers in the same language.
  const langField = `<input type="hidden" name="lang" value="${lang}">`;
  return page(
    lang,
    error ? `${t("testIdp.login.errorSummary")}: ${t("testIdp.login.title")}` : t("testIdp.login.title"),
    `${summary}<h1>${escape(t("testIdp.login.heading"))}</h1>
<p class="idp-warning">${escape(t("testIdp.login.warning"))}</p>
<form method="post" action="${action}/login">${langField}
<h2 id="people-heading">${escape(t("testIdp.login.choose"))}</h2>
<ul class="idp-people" aria-labelledby="people-heading">${people}</ul>
</form>
<form method="post" action="${action}/login" novalidate>${langField}
<h2>${escape(t("testIdp.login.orType"))}</h2>
<label for="personnummer">${escape(t("testIdp.login.personnummer"))}</label>
<span class="idp-hint" id="personnummer-hint">${escape(t("testIdp.login.hint"))}</span>
${error ? `<span class="idp-error" id="personnummer-error">${escape(message)}</span>` : ""}
<input id="personnummer" name="personnummer" autocomplete="off" inputmode="numeric" value="${escape(error?.value ?? "")}" aria-describedby="personnummer-hint${error ? " personnummer-error" : ""}"${error ? ' aria-invalid="true"' : ""}>
<label for="given_name">${escape(t("testIdp.login.givenName"))}</label><input id="given_name" name="given_name" autocomplete="off" value="${escape(error?.given ?? "")}">
<label for="family_name">${escape(t("testIdp.login.familyName"))}</label><input id="family_name" name="family_name" autocomplete="off" value="${escape(error?.family ?? "")}">
<label for="acr">${escape(t("testIdp.login.level"))}</label><select id="acr" name="acr">${(
      Object.keys(TEST_LEVELS) as TestLevel[]
    )
      .map(
        (level) =>
          `<option value="${level}"${level === (error?.level ?? "loa3") ? " selected" : ""}>${escape(t(`testIdp.login.levels.${level}`))}</option>`,
      )
      .join("")}</select>
<button class="idp-submit" type="submit">${escape(t("testIdp.login.submit"))}</button>
</form>
<form method="post" action="${action}/abort"><button class="idp-cancel" type="submit">${escape(t("testIdp.login.cancel"))}</button></form>`,
  );
}

/** The sign page (§2 step 3): the sign message as plain text, and sign or cancel. */
function signPage(lang: Language, uid: string, signer: Account, message: string): string {
  const t = tFor(lang);
  const action = `${TEST_IDP_PATH}/interaction/${escape(uid)}`;
  return page(
    lang,
    t("testIdp.sign.title"),
    `<h1>${escape(t("testIdp.sign.heading"))}</h1>
<p class="idp-warning">${escape(t("testIdp.login.warning"))}</p>
<p>${escape(t("testIdp.sign.lead", { name: `${signer.givenName} ${signer.familyName}` }))}</p>
<h2>${escape(t("testIdp.sign.messageHeading"))}</h2>
<div class="idp-message" tabindex="0" role="region" aria-label="${escape(t("testIdp.sign.messageHeading"))}">${escape(message)}</div>
<form method="post" action="${action}/sign"><button class="idp-submit" type="submit">${escape(t("testIdp.sign.submit"))}</button></form>
<form method="post" action="${action}/abort"><button class="idp-cancel" type="submit">${escape(t("testIdp.sign.cancel"))}</button></form>`,
  );
}

/** The sign message in the page's language (else the other one), decoded from Base64. */
function signMessageText(request: SignRequest, lang: Language): string | null {
  const encoded =
    request.sign_message.message[lang] ?? request.sign_message.message.sv ?? request.sign_message.message.en;
  if (typeof encoded !== "string") return null;
  return Buffer.from(encoded, "base64").toString("utf8");
}

export interface TestIdentityProvider {
  mountPath: string;
  router: express.Router;
}

/** Builds the provider and its routes; null when the test provider is off. */
export function createTestIdentityProvider(): TestIdentityProvider | null {
  const e = env();
  if (e.TEST_IDP !== "on") return null;
  const issuer = `${e.PUBLIC_URL}${TEST_IDP_PATH}`;
  log("warn", "the local test identity provider (Test-legitimation) is on", { issuer });
  // oidc-provider is loaded at the first request to the provider, not at start (decision 127).
  // Its key is made off the event loop on a new data directory's first login (decision 135).
  const router = lazyRouter(async () => {
    const [provider, privateKey] = await Promise.all([
      import("oidc-provider"),
      storedRsaKey(join(e.DATA_DIR, ".test-idp-key.pem")),
    ]);
    return testIdentityRouter(e, issuer, provider.default, privateKey);
  });
  return { mountPath: TEST_IDP_PATH, router };
}

function testIdentityRouter(
  e: ReturnType<typeof env>,
  issuer: string,
  Provider: typeof import("oidc-provider").default,
  privateKey: KeyObject,
): express.Router {
  const claimName = e.OIDC_PERSONAL_NUMBER_CLAIM;
  const personScope = "https://id.oidc.se/scope/naturalPersonNumber";
  const publicKey = createPublicKey(privateKey);
  const jwk = { ...privateKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-idp-1" };
  const publicJwk = { ...publicKey.export({ format: "jwk" }), use: "sig", alg: "RS256", kid: "test-idp-1" };

  const configuration: Configuration = {
    clients: [
      {
        client_id: TEST_IDP_CLIENT.clientId,
        client_secret: TEST_IDP_CLIENT.clientSecret,
        redirect_uris: [e.OIDC_REDIRECT_URL ?? `${e.PUBLIC_URL}/logga-in/callback`, `${e.PUBLIC_URL}/signera/callback`],
        // Signature requests come in a Request Object signed with the client's secret (signature extension §3.1.2).
        request_object_signing_alg: "HS256",
        post_logout_redirect_uris: [`${e.PUBLIC_URL}/`],
        response_types: ["code"],
        grant_types: ["authorization_code"],
      },
    ],
    jwks: { keys: [jwk as never] },
    cookies: { keys: [createHash("sha256").update(`test-idp|${e.SESSION_SECRET}`).digest("base64url")] },
    pkce: { required: () => true },
    scopes: ["openid", "profile", personScope, SIGN_SCOPE],
    extraParams: [SIGN_REQUEST_PARAM],
    // acr, auth_time and sid as in oidc-provider's defaults (a claims setting replaces them).
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ["sub"],
      profile: ["given_name", "family_name", "name"],
      [personScope]: [claimName],
      [SIGN_SCOPE]: [USER_SIGNATURE_CLAIM],
    },
    acrValues: Object.values(TEST_LEVELS),
    // The Swedish OIDC profile puts the identity claims in the ID token.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      claimsParameter: { enabled: true },
      requestObjects: {
        enabled: true,
        requireSignedRequestObject: false,
        // The signRequest object arrives inside the signed Request Object; oidc-provider flattens
        // parameters to strings, so the verified object is kept here for the sign page.
        assertJwtClaimsAndHeader: async (ctx: KoaContextWithOIDC, claims: Record<string, unknown>, header) => {
          if (header.alg === "none") throw new Error("unsigned request object");
          const value = claims[SIGN_REQUEST_PARAM];
          if (value === undefined) return;
          if (!isSignRequest(value) || typeof claims.nonce !== "string") return;
          const wanted = (claims.claims as { id_token?: Record<string, { value?: unknown }> } | undefined)?.id_token?.[
            claimName
          ]?.value;
          for (const [k, v] of signRequests) if (Date.now() - v.at > 600_000) signRequests.delete(k);
          signRequests.set(signKey(ctx.oidc.client?.clientId, claims.nonce), {
            request: value,
            requiredPersonnummer: typeof wanted === "string" ? wanted : null,
            at: Date.now(),
          });
        },
      },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx: KoaContextWithOIDC, form: string) => {
          const lang = langOfContext(ctx);
          const t = tFor(lang);
          ctx.body = page(
            lang,
            t("testIdp.logout.title"),
            `<h1>${escape(t("testIdp.logout.heading"))}</h1><p>${escape(t("testIdp.logout.lead"))}</p>${form}<button class="idp-submit" type="submit" form="op.logoutForm" name="logout" value="yes">${escape(t("testIdp.logout.submit"))}</button>`,
          );
        },
        postLogoutSuccessSource: async (ctx: KoaContextWithOIDC) => {
          const lang = langOfContext(ctx);
          const t = tFor(lang);
          ctx.body = page(
            lang,
            t("testIdp.logout.doneTitle"),
            `<h1>${escape(t("testIdp.logout.doneHeading"))}</h1><p><a href="${e.PUBLIC_URL}/">${escape(t("testIdp.logout.backToPortal"))}</a></p>`,
          );
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${TEST_IDP_PATH}/interaction/${interaction.uid}` },
    findAccount: async (_ctx, sub, token) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      const grantId = token?.grantId;
      return {
        accountId: sub,
        claims: async (use: string) => {
          // Delivered once, in the ID token of the code its sign flow made (§5.2: never from userinfo).
          const userSignature = use === "id_token" && grantId ? signatures.get(grantId)?.userSignature : undefined;
          if (userSignature) signatures.delete(grantId!);
          return {
            sub,
            given_name: account.givenName,
            family_name: account.familyName,
            name: `${account.givenName} ${account.familyName}`,
            [claimName]: account.personnummer,
            ...(userSignature ? { [USER_SIGNATURE_CLAIM]: userSignature } : {}),
          };
        },
      };
    },
    // The portal is the provider's only (first-party) client: consent is implied.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session!.grantIdFor(ctx.oidc.client!.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({
        clientId: ctx.oidc.client!.clientId,
        accountId: ctx.oidc.session!.accountId!,
      });
      grant.addOIDCScope(["openid", "profile", personScope].join(" "));
      grant.addOIDCClaims(["given_name", "family_name", "name", claimName]);
      await grant.save();
      return grant;
    },
    renderError: async (ctx, out) => {
      const lang = langOfContext(ctx as KoaContextWithOIDC);
      const t = tFor(lang);
      ctx.type = "html";
      ctx.body = page(
        lang,
        t("testIdp.error.title"),
        `<h1>${escape(t("testIdp.error.heading"))}</h1><p>${escape(String(out.error))}: ${escape(String(out.error_description ?? ""))}</p><p><a href="${e.PUBLIC_URL}/">${escape(t("testIdp.logout.backToPortal"))}</a></p>`,
      );
    },
  };

  const provider = new Provider(issuer, configuration);
  const router = express.Router();
  router.get("/_assets/idp.css", (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "public, max-age=3600");
    res.send(CSS);
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.get("/interaction/:uid", async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const signing = String(details.params.scope ?? "")
        .split(" ")
        .includes(SIGN_SCOPE);
      const pending = signing ? signRequests.get(signKey(details.params.client_id, details.params.nonce)) : undefined;
      if (signing) {
        // Signature extension §5.1: a signed signRequest and prompt "login consent", else invalid_request.
        const prompts = String(details.params.prompt ?? "").split(" ");
        if (!pending || !prompts.includes("login") || !prompts.includes("consent")) {
          await provider.interactionFinished(
            req,
            res,
            {
              error: "invalid_request",
              error_description: "a signature request needs a signed signRequest and prompt login consent",
            },
            { mergeWithLastSubmission: false },
          );
          return;
        }
      }
      if (details.prompt.name === "login") {
        res.type("html").send(loginPage(langOfInteraction(details.params, req), details.uid));
        return;
      }
      if (details.prompt.name === "consent" && pending) {
        const lang = langOfInteraction(details.params, req);
        const account = accounts.get(String(details.session?.accountId));
        const message = signMessageText(pending.request, lang);
        // The sign message is shown only to the person the portal named (§5.1), and only if it can be shown.
        if (
          !account ||
          message === null ||
          (pending.requiredPersonnummer && pending.requiredPersonnummer !== account.personnummer)
        ) {
          signRequests.delete(signKey(details.params.client_id, details.params.nonce));
          await provider.interactionFinished(
            req,
            res,
            {
              error: "access_denied",
              error_description: "the signer is not the person the signature was requested from",
            },
            { mergeWithLastSubmission: false },
          );
          return;
        }
        res.type("html").send(signPage(lang, details.uid, account, message));
        return;
      }
      await provider.interactionFinished(req, res, {}, { mergeWithLastSubmission: true });
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
      let account: Account | undefined;
      const chosen = body.person ? testPersons.find((p) => p.id === body.person) : undefined;
      if (chosen)
        account = { personnummer: chosen.personnummer, givenName: chosen.givenName, familyName: chosen.familyName };
      else {
        const typed = body.personnummer ?? "";
        const parsed = parsePersonnummer(typed);
        const given = (body.given_name ?? "").trim().slice(0, 100);
        const family = (body.family_name ?? "").trim().slice(0, 100);
        if (!parsed.ok) {
          const lang = isLanguage(body.lang) ? body.lang : langOfInteraction(details.params, req);
          res
            .status(400)
            .type("html")
            .send(
              loginPage(lang, details.uid, {
                code: parsed.code,
                value: typed,
                given,
                family,
                level: isTestLevel(body.acr) ? body.acr : "loa3",
              }),
            );
          return;
        }
        const known = testPersons.find((p) => p.personnummer === parsed.value.normalized);
        account = {
          personnummer: parsed.value.normalized,
          givenName: given || known?.givenName || "Test",
          familyName: family || known?.familyName || "Testsson",
        };
      }
      // The same account as the person's logins (another one would make oidc-provider end the
      // provider session through a script-only form). A signature only reaches an ID token whose
      // grant holds the sign scope, and a new login starts without one.
      const accountId = accountIdFor(account.personnummer);
      accounts.set(accountId, account);
      const acr = TEST_LEVELS[isTestLevel(body.acr) ? body.acr : "loa3"];
      await provider.interactionFinished(req, res, { login: { accountId, acr } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });
  // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the handler catches and calls next(error)
  router.post("/interaction/:uid/sign", async (req, res, next) => {
    try {
      const details = await provider.interactionDetails(req, res);
      const key = signKey(details.params.client_id, details.params.nonce);
      const pending = signRequests.get(key);
      const accountId = String(details.session?.accountId);
      const account = accounts.get(accountId);
      if (details.prompt.name !== "consent" || !pending || !account) {
        res
          .status(400)
          .type("html")
          .send(page(langOfInteraction(details.params, req), "400", "<h1>400</h1>"));
        return;
      }
      signRequests.delete(key);
      const userSignature = makeUserSignature({
        key: privateKey,
        publicJwk,
        issuer,
        audience: String(details.params.client_id),
        personnummer: account.personnummer,
        name: `${account.givenName} ${account.familyName}`,
        tbsData: pending.request.tbs_data,
        claimName,
      });
      const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
      grant.addOIDCScope(String(details.params.scope));
      grant.addOIDCClaims(["given_name", "family_name", "name", claimName, USER_SIGNATURE_CLAIM]);
      const grantId = await grant.save();
      for (const [k, v] of signatures) if (Date.now() - v.at > 600_000) signatures.delete(k);
      signatures.set(grantId, { userSignature, at: Date.now() });
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
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
