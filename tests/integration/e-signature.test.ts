import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseSignature, caseTable, childcareUnit, municipality } from "../../db/schema/index";
import { beginSigning, completeSigning, type SigningResult } from "~/auth/oidc-sign.server";
import { SIGN_SCOPE } from "~/auth/oidc-sign";
import { db } from "~/db.server";
import { decrypt, hmacIndex } from "~/platform/crypto.server";
import { verifyUserSignature } from "~/services/e-signature.server";
import {
  completeSchoolSigning,
  getSchoolCase,
  getSchoolCaseForStaff,
  getSchoolSigningText,
  parseSchoolApplication,
  submitSchoolApplication,
} from "~/services/school.server";
import { viewerFor } from "./people-helper";
import { browser, cookiePair, formPost, startTestIdp } from "./test-idp-harness";

/**
 * The signature extension of the Swedish OIDC profile end to end against the local provider
 * (decision 081): the portal sends a signed Request Object with signRequest, the person signs
 * at the provider, the ID token carries userSignature; verification, tampering, the wrong
 * signer, replay and a forged state all fail.
 */
let base = "";
const PETER = "198002079294";
const LENA = "197901049283";
const MARIA = "199005122388";

let idp: Awaited<ReturnType<typeof startTestIdp>>;
beforeAll(async () => {
  idp = await startTestIdp();
  base = idp.base;
});
afterAll(() => idp.close());

/**
 * Runs the provider side as a person would: log in as `as` (by typed personnummer), read the
 * sign page, then sign or cancel. Returns the page shown and the callback URL.
 */
async function atProvider(url: string, as: string, choice: "sign" | "abort") {
  const go = browser();
  let location = (await go(url)).headers.get("location")!;
  const uid = () => /\/interaction\/([^/?]+)/.exec(location)![1];
  location = (await go(`${base}/test-idp/interaction/${uid()}/login`, formPost({ personnummer: as }))).headers.get(
    "location",
  )!;
  let signPage = "";
  for (let hops = 0; hops < 6 && !location.includes("/signera/callback"); hops++) {
    const res = await go(new URL(location, base).href);
    if (res.status === 200) {
      signPage = await res.text();
      location = (await go(`${base}/test-idp/interaction/${uid()}/${choice}`, formPost({}))).headers.get("location")!;
    } else location = res.headers.get("location")!;
  }
  return { signPage, callback: new URL(location, base).href };
}

async function sign(text: string, personnummer: string, as = personnummer, choice: "sign" | "abort" = "sign") {
  const { url, setCookie } = await beginSigning({
    reference: "AML-2026-000001",
    party: "applicant",
    text,
    personnummer,
    language: "sv",
  });
  const { signPage, callback } = await atProvider(url, as, choice);
  const request = new Request(callback, { headers: { Cookie: cookiePair(setCookie) } });
  return { url, signPage, callback, cookie: cookiePair(setCookie), result: await completeSigning(request) };
}

describe("the signature extension (signRequest, sign scope, userSignature)", () => {
  it("asks with the sign scope, prompt login consent and a signed Request Object carrying signRequest", async () => {
    const { url } = await beginSigning({
      reference: "AML-2026-000001",
      party: "applicant",
      text: "Hej",
      personnummer: PETER,
      language: "sv",
    });
    const u = new URL(url);
    expect(u.searchParams.get("scope")).toContain(SIGN_SCOPE);
    const [header, payload] = u.searchParams
      .get("request")!
      .split(".")
      .slice(0, 2)
      .map((p) => JSON.parse(Buffer.from(p, "base64url").toString()));
    expect(header.alg).toBe("HS256");
    expect(payload.prompt).toBe("login consent");
    expect(payload["https://id.oidc.se/param/signRequest"]).toEqual({
      tbs_data: Buffer.from("Hej").toString("base64"),
      sign_message: { message: { sv: Buffer.from("Hej").toString("base64") }, mime_type: "text/plain" },
    });
    expect(payload.claims.id_token["https://id.oidc.se/claim/personalIdentityNumber"]).toEqual({
      essential: true,
      value: PETER,
    });
  });

  it("shows the text at the provider, returns a signature that verifies, and fails on one changed byte", async () => {
    const text = "Ansökan AML-2026-000001\nBarn: Ella Johansson\nSkäl: Närmare hemmet";
    const { signPage, result } = await sign(text, PETER);
    expect(signPage).toContain("Skäl: Närmare hemmet");
    expect(result.ok).toBe(true);
    const ok = result as Extract<SigningResult, { ok: true }>;
    expect(ok.personnummer).toBe(PETER);
    expect(verifyUserSignature({ userSignature: ok.userSignature, text, personnummer: PETER })).toMatchObject({
      ok: true,
      personnummer: PETER,
    });
    expect(verifyUserSignature({ userSignature: ok.userSignature, text: text.replace("hemmet", "hemmEt") })).toEqual({
      ok: false,
      reason: "text-changed",
    });
    expect(verifyUserSignature({ userSignature: ok.userSignature, text, personnummer: LENA })).toEqual({
      ok: false,
      reason: "wrong-signer",
    });
    // A payload changed after signing (the hash swapped for that of another text) breaks the signature.
    const [h, p, s] = Buffer.from(ok.userSignature, "base64").toString().split(".");
    const forged = JSON.parse(Buffer.from(p!, "base64url").toString()) as Record<string, unknown>;
    forged.tbs_hash = "x";
    const tampered = Buffer.from(`${h}.${Buffer.from(JSON.stringify(forged)).toString("base64url")}.${s}`).toString(
      "base64",
    );
    expect(verifyUserSignature({ userSignature: tampered, text })).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyUserSignature({ userSignature: "not a signature", text })).toEqual({ ok: false, reason: "malformed" });
  });

  it("refuses another person than the one named, and a cancelled signature gives none", async () => {
    const wrong = await sign("Text", PETER, MARIA);
    expect(wrong.signPage).toBe("");
    expect(wrong.result.ok).toBe(false);
    const cancelled = await sign("Text", PETER, PETER, "abort");
    expect(cancelled.signPage).toContain("Text");
    expect(cancelled.result).toMatchObject({ ok: false, reason: "cancelled" });
  });

  it("a replayed callback and a callback with another flow's state are refused", async () => {
    const first = await sign("Replay", PETER);
    expect(first.result.ok).toBe(true);
    const again = await completeSigning(new Request(first.callback, { headers: { Cookie: first.cookie } }));
    expect(again).toMatchObject({ ok: false, reason: "failed" });
    const other = await beginSigning({
      reference: "AML-2026-000001",
      party: "applicant",
      text: "Replay",
      personnummer: PETER,
      language: "sv",
    });
    const second = await sign("Replay", PETER);
    const crossed = await completeSigning(
      new Request(second.callback, { headers: { Cookie: cookiePair(other.setCookie) } }),
    );
    expect(crossed).toMatchObject({ ok: false, reason: "failed" });
  });

  it("each signature reaches its own flow when the same person signs twice at once or logs in in between", async () => {
    // Two browsers of one person sign two texts at the provider before either callback arrives,
    // and a third logs in there in between (and leaves without signing). The provider keeps a
    // signature with the grant it was made in, so each callback gets the one over its own text.
    const start = (text: string) =>
      beginSigning({ reference: "AML-2026-000001", party: "applicant", text, personnummer: PETER, language: "sv" });
    const a = await start("Text A");
    const b = await start("Text B");
    const c = await start("Text C");
    const atA = await atProvider(a.url, PETER, "sign");
    const atB = await atProvider(b.url, PETER, "sign");
    expect((await atProvider(c.url, PETER, "abort")).signPage).toContain("Text C");
    const done = (flow: typeof a, callback: string) =>
      completeSigning(new Request(callback, { headers: { Cookie: cookiePair(flow.setCookie) } }));
    const results = [
      [await done(a, atA.callback), "Text A"],
      [await done(b, atB.callback), "Text B"],
    ] as const;
    for (const [result, text] of results) {
      expect(result.ok).toBe(true);
      const { userSignature } = result as Extract<SigningResult, { ok: true }>;
      expect(verifyUserSignature({ userSignature, text, personnummer: PETER })).toMatchObject({ ok: true });
    }
  });

  it("the provider refuses the sign scope without a signed signRequest (invalid_request)", async () => {
    const { url } = await beginSigning({
      reference: "AML-2026-000001",
      party: "applicant",
      text: "X",
      personnummer: PETER,
      language: "sv",
    });
    const u = new URL(url);
    u.searchParams.delete("request");
    u.searchParams.set("redirect_uri", `${base}/signera/callback`);
    u.searchParams.set("prompt", "login consent");
    u.searchParams.set("nonce", "n-1");
    u.searchParams.set("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    u.searchParams.set("code_challenge_method", "S256");
    const go = browser();
    let location = (await go(u.href)).headers.get("location")!;
    for (let hops = 0; hops < 4 && !location.includes("/signera/callback"); hops++) {
      const res = await go(new URL(location, base).href);
      if (res.status === 200) {
        const uid = /\/interaction\/([^/?]+)/.exec(location)![1];
        location = (
          await go(`${base}/test-idp/interaction/${uid}/login`, formPost({ personnummer: PETER }))
        ).headers.get("location")!;
      } else location = res.headers.get("location")!;
    }
    expect(new URL(location, base).searchParams.get("error")).toBe("invalid_request");
  });
});

describe("both guardians sign a school application with e-ID", () => {
  it("reaches the officer only after the second signature; the stored signatures fail when one byte of the answers changes", async () => {
    const peter = viewerFor(PETER);
    const lena = viewerFor(LENA);
    const amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
    const schools = db()
      .select()
      .from(childcareUnit)
      .where(eq(childcareUnit.municipalityId, amal))
      .all()
      .filter((u) => u.kind === "grundskola");
    const parsed = parseSchoolApplication({
      child: hmacIndex("201609102387"),
      applicationType: "skolbyte",
      school1: String(schools[0]!.id),
      startDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      reason: "Närmare hemmet",
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const r = await submitSchoolApplication({
      viewer: peter,
      actor: null,
      answers: parsed.value,
      idempotencyKey: "esign-1",
      language: "sv",
      applicantSignsWithEId: true,
    });
    if (!r.ok) throw new Error("not submitted");
    const reference = r.reference;

    async function guardianSigns(viewer: { personId: number; personnummerHmac: string }, personnummer: string) {
      const text = (await getSchoolSigningText({ reference, viewer, language: "sv" }))!;
      expect(text).toContain(reference);
      const { url, setCookie } = await beginSigning({
        reference,
        party: "guardian",
        text,
        personnummer,
        language: "sv",
      });
      const { callback } = await atProvider(url, personnummer, "sign");
      const result = await completeSigning(new Request(callback, { headers: { Cookie: cookiePair(setCookie) } }));
      return completeSchoolSigning({ result, viewer, actor: null });
    }

    expect(await guardianSigns(peter, PETER)).toEqual({ ok: true, complete: false });
    expect(await getSchoolCaseForStaff({ reference, municipalityIds: [amal] })).toBeUndefined();
    // Once signed, there is nothing more for Peter to sign.
    expect(await getSchoolSigningText({ reference, viewer: peter, language: "sv" })).toBeUndefined();
    expect(await guardianSigns(lena, LENA)).toEqual({ ok: true, complete: true });
    const staff = (await getSchoolCaseForStaff({ reference, municipalityIds: [amal] }))!;
    expect(staff.eSignatures.map((s) => [s.signerName, s.valid])).toEqual([
      ["Peter Johansson", true],
      ["Lena Johansson", true],
    ]);
    const c = db().select().from(caseTable).where(eq(caseTable.reference, reference)).get()!;
    const rows = db().select().from(caseSignature).where(eq(caseSignature.caseId, c.id)).all();
    expect(rows.map((row) => row.party)).toEqual(["applicant", "co-guardian"]);
    expect(decrypt(rows[0]!.userSignature)).not.toBe(rows[0]!.userSignature);

    // One byte of the stored answers changes: both signatures stop verifying.
    db()
      .update(caseTable)
      .set({ data: c.data.replace("Närmare hemmet", "Närmare hemmEt") })
      .where(eq(caseTable.id, c.id))
      .run();
    const after = (await getSchoolCase({ reference, viewer: lena }))!;
    expect(after.eSignatures.map((s) => s.valid)).toEqual([false, false]);
  });
});
