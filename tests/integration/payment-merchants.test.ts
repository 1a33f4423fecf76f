import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditEvent, municipality, paymentMerchant, staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { action, loader } from "~/routes/admin.betalningar_.handlare";
import { merchantFor } from "~/services/payments.server";

/**
 * Each municipality's Swish merchant set in the portal (decision 094): a municipality's
 * administrator sets the merchant number, certificate and key (encrypted at rest, never shown
 * back) and the callback address; CSRF, audit, 403 for another municipality, 400 on bad input.
 */
const SEED = "s".repeat(43);
let amal = 0;
let bengtsfors = 0;
let cert = "";
let key = "";
let otherKey = "";

function pem() {
  const dir = mkdtempSync(join(tmpdir(), "merchant-"));
  const make = (name: string) => {
    execFileSync("openssl", [
      "req",
      "-x509",
      "-newkey",
      "ec",
      "-pkeyopt",
      "ec_paramgen_curve:P-256",
      "-nodes",
      "-keyout",
      join(dir, `${name}.key`),
      "-out",
      join(dir, `${name}.crt`),
      "-days",
      "30",
      "-subj",
      `/CN=${name}`,
    ]);
    return {
      cert: readFileSync(join(dir, `${name}.crt`), "utf8"),
      key: readFileSync(join(dir, `${name}.key`), "utf8"),
    };
  };
  const a = make("swish-merchant");
  const b = make("other");
  return { cert: a.cert, key: a.key, otherKey: b.key };
}

beforeAll(() => {
  prepareDatabase();
  amal = db().select().from(municipality).where(eq(municipality.slug, "amal")).get()!.id;
  bengtsfors = db().select().from(municipality).where(eq(municipality.slug, "bengtsfors")).get()!.id;
  ({ cert, key, otherKey } = pem());
});

async function cookieFor(username: string) {
  const u = db().select().from(staffUser).where(eq(staffUser.username, username)).get()!;
  const { setCookie } = await createSession(new Request("http://localhost/"), { kind: "staff", staffUserId: u.id });
  return `${setCookie.split(";")[0]}; csrf=${SEED}`;
}

const statusOf = (r: unknown): number =>
  r instanceof Response ? r.status : ((r as { init?: { status?: number } | null }).init?.status ?? 200);

async function get(cookie: string, kommun: number) {
  try {
    return await loader({
      request: new Request(`http://localhost/admin/betalningar/handlare?kommun=${kommun}`, {
        headers: { Cookie: cookie },
      }),
      params: {},
      context: {},
    } as LoaderFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

async function post(cookie: string, fields: Record<string, string>, withCsrf = true) {
  const body = new URLSearchParams(fields);
  if (withCsrf) body.set("_csrf", await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } })));
  const request = new Request("http://localhost/admin/betalningar/handlare", {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  try {
    return await action({ request, params: {}, context: {} } as ActionFunctionArgs);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const rowOf = (id: number) => db().select().from(paymentMerchant).where(eq(paymentMerchant.municipalityId, id)).get();

describe("the Swish merchant of each municipality", () => {
  it("is set by the municipality's administrator, encrypted at rest, shown back only as a fingerprint, and audited", async () => {
    const cookie = await cookieFor("admin.amal");
    const saved = await post(cookie, {
      kommun: String(amal),
      payeeAlias: "123 456 78 90",
      cert,
      key,
      callbackUrl: "https://betalning.amal.example.se/swish",
    });
    expect(statusOf(saved)).toBe(200);
    const row = rowOf(amal)!;
    expect(row.payeeAlias).toBe("1234567890");
    expect(row.certPem).not.toContain("BEGIN CERTIFICATE");
    expect(row.keyPem).not.toContain("PRIVATE KEY");
    // The payment adapter uses them (decrypted) for the municipality's requests.
    const merchant = merchantFor(amal)!;
    expect(merchant).toMatchObject({
      payeeAlias: "1234567890",
      callbackUrl: "https://betalning.amal.example.se/swish",
    });
    expect(merchant.cert?.trim()).toBe(cert.trim());
    expect(merchant.key?.trim()).toBe(key.trim());

    const page = (await get(cookie, amal)) as Awaited<ReturnType<typeof loader>>;
    const shown = JSON.stringify(page);
    expect(page.merchant.certFingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(shown).not.toContain("BEGIN");
    expect(shown).not.toContain(cert.split("\n")[1]!);

    const audited = db()
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "payment.merchant.updated"), eq(auditEvent.subjectId, String(amal))))
      .all();
    expect(audited).toHaveLength(1);
    expect(JSON.stringify(audited[0])).not.toContain("PRIVATE KEY");
    expect(JSON.stringify(audited[0])).not.toContain("BEGIN CERTIFICATE");

    // Saving again without a certificate keeps the stored one.
    expect(
      statusOf(
        await post(cookie, { kommun: String(amal), payeeAlias: "1234567891", cert: "", key: "", callbackUrl: "" }),
      ),
    ).toBe(200);
    expect(rowOf(amal)).toMatchObject({ payeeAlias: "1234567891", callbackUrl: null, certPem: row.certPem });
  });

  it("refuses another municipality (403), a missing CSRF token, and bad fields (400, nothing saved)", async () => {
    const cookie = await cookieFor("admin.amal");
    expect(statusOf(await get(cookie, bengtsfors))).toBe(403);
    expect(
      statusOf(
        await post(cookie, {
          kommun: String(bengtsfors),
          payeeAlias: "1231181189",
          cert: "",
          key: "",
          callbackUrl: "",
        }),
      ),
    ).toBe(403);
    expect(rowOf(bengtsfors)).toBeUndefined();
    expect(
      statusOf(
        await post(
          cookie,
          { kommun: String(amal), payeeAlias: "1239999999", cert: "", key: "", callbackUrl: "" },
          false,
        ),
      ),
    ).toBe(403);
    expect(rowOf(amal)?.payeeAlias).not.toBe("1239999999");

    const bad = await post(cookie, {
      kommun: String(amal),
      payeeAlias: "4671234567",
      cert,
      key: otherKey,
      callbackUrl: "javascript:alert(1)",
    });
    expect(statusOf(bad)).toBe(400);
    expect((bad as unknown as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      payeeAlias: "admin-catalogue:payments.merchant.errors.payeeAlias",
      key: "admin-catalogue:payments.merchant.errors.keyMismatch",
      callbackUrl: "admin-catalogue:payments.merchant.errors.callbackUrl",
    });
    const notPem = await post(cookie, {
      kommun: String(amal),
      payeeAlias: "1231181189",
      cert: "nonsense",
      key,
      callbackUrl: "",
    });
    expect((notPem as unknown as { data: { errors: Record<string, string> } }).data.errors).toEqual({
      cert: "admin-catalogue:payments.merchant.errors.cert",
    });
    expect(rowOf(amal)?.payeeAlias).toBe("1234567891");
  });

  it("lets a portal-wide administrator set any municipality; an officer gets 403", async () => {
    const portal = await cookieFor("admin.portal");
    expect(statusOf(await get(portal, bengtsfors))).toBe(200);
    const officer = await cookieFor("handlaggare.bengtsfors");
    expect(statusOf(await get(officer, bengtsfors))).toBe(403);
  });
});
