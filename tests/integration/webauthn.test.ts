import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { eq } from "drizzle-orm";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import { beforeAll, describe, expect, it } from "vitest";
import { staffWebauthnCredential } from "../../db/schema/index";
import { createStaffUser } from "~/auth/staff.server";
import {
  authenticationOptions,
  listSecurityKeys,
  registerSecurityKey,
  registrationOptions,
  relyingParty,
  removeSecurityKey,
  verifySecurityKeyLogin,
} from "~/auth/webauthn.server";
import { db, prepareDatabase } from "~/db.server";

// ASVS 2.3.2 (docs/decisions/049): a software FIDO2 authenticator (P-256, attestation "none")
// whose signatures the library really verifies.
const b64u = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string) => createHash("sha256").update(data).digest();

class SoftKey {
  readonly credentialId = randomBytes(32);
  private readonly privateKey: KeyObject;
  private readonly jwk: { x: string; y: string };
  counter = 0;
  constructor() {
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    this.privateKey = pair.privateKey;
    this.jwk = pair.publicKey.export({ format: "jwk" }) as { x: string; y: string };
  }

  private clientData(type: string, challenge: string, origin: string) {
    return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }));
  }

  register(challenge: string, origin = relyingParty().origin, rpId = relyingParty().id): RegistrationResponseJSON {
    const cose = new Map<number, number | Uint8Array>([
      [1, 2],
      [3, -7],
      [-1, 1],
      [-2, Buffer.from(this.jwk.x, "base64url")],
      [-3, Buffer.from(this.jwk.y, "base64url")],
    ]);
    const idLength = Buffer.alloc(2);
    idLength.writeUInt16BE(this.credentialId.length);
    const authData = Buffer.concat([
      sha256(rpId),
      Buffer.from([0x45]),
      Buffer.alloc(4),
      Buffer.alloc(16),
      idLength,
      this.credentialId,
      Buffer.from(isoCBOR.encode(cose)),
    ]);
    const attestationObject = isoCBOR.encode(
      new Map<string, unknown>([
        ["fmt", "none"],
        ["attStmt", new Map()],
        ["authData", authData],
      ]) as never,
    );
    return {
      id: b64u(this.credentialId),
      rawId: b64u(this.credentialId),
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: b64u(this.clientData("webauthn.create", challenge, origin)),
        attestationObject: b64u(attestationObject),
        transports: ["usb"],
      },
    };
  }

  assert(challenge: string, origin = relyingParty().origin, counter = ++this.counter): AuthenticationResponseJSON {
    const count = Buffer.alloc(4);
    count.writeUInt32BE(counter);
    const authData = Buffer.concat([sha256(relyingParty().id), Buffer.from([0x05]), count]);
    const clientDataJSON = this.clientData("webauthn.get", challenge, origin);
    const signature = sign("sha256", Buffer.concat([authData, sha256(clientDataJSON)]), this.privateKey);
    return {
      id: b64u(this.credentialId),
      rawId: b64u(this.credentialId),
      type: "public-key",
      clientExtensionResults: {},
      response: { clientDataJSON: b64u(clientDataJSON), authenticatorData: b64u(authData), signature: b64u(signature) },
    };
  }
}

let n = 0;
async function staffWithKey() {
  const created = await createStaffUser({
    username: `nyckel.${++n}`,
    name: `Nyckel ${n}`,
    email: `nyckel${n}@example.se`,
    municipalityId: null,
  });
  if ("error" in created) throw new Error(created.error);
  const key = new SoftKey();
  const session = `session-${n}`;
  const options = await registrationOptions(created.id, session);
  const result = await registerSecurityKey(created.id, session, key.register(options.challenge), "Blå nyckel");
  return { id: created.id, key, result, session: `login-${n}` };
}

beforeAll(() => prepareDatabase());

describe("security keys for staff (ASVS 2.3.2)", () => {
  it("a key registered with a real P-256 attestation logs in, and the counter and last use are stored", async () => {
    const { id, key, result, session } = await staffWithKey();
    expect(result).toMatchObject({ ok: true });
    expect(listSecurityKeys(id)).toMatchObject([{ name: "Blå nyckel", lastUsedAt: null }]);
    const options = await authenticationOptions(id, session);
    expect(options.userVerification).toBe("preferred");
    expect(options.rpId).toBe(relyingParty().id);
    expect(await verifySecurityKeyLogin(id, session, key.assert(options.challenge))).toMatchObject({ ok: true });
    const row = db().select().from(staffWebauthnCredential).where(eq(staffWebauthnCredential.staffUserId, id)).get()!;
    expect(row.counter).toBe(1);
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("a registration signed for another origin is refused and no key is stored", async () => {
    const created = await createStaffUser({
      username: `nyckel.origin.${++n}`,
      name: "O",
      email: "o@example.se",
      municipalityId: null,
    });
    if ("error" in created) throw new Error(created.error);
    const options = await registrationOptions(created.id, "s-origin");
    const result = await registerSecurityKey(
      created.id,
      "s-origin",
      new SoftKey().register(options.challenge, "https://evil.example"),
      "Nyckel",
    );
    expect(result).toEqual({ ok: false, reason: "invalid" });
    expect(listSecurityKeys(created.id)).toEqual([]);
  });

  it("a login answer made on another origin (phishing site) is refused", async () => {
    const { id, key, session } = await staffWithKey();
    const options = await authenticationOptions(id, session);
    expect(
      await verifySecurityKeyLogin(id, session, key.assert(options.challenge, "https://dalsland-login.example")),
    ).toEqual({ ok: false, reason: "invalid" });
  });

  it("a replayed answer is refused: the challenge is single use", async () => {
    const { id, key, session } = await staffWithKey();
    const options = await authenticationOptions(id, session);
    const answer = key.assert(options.challenge);
    expect(await verifySecurityKeyLogin(id, session, answer)).toMatchObject({ ok: true });
    expect(await verifySecurityKeyLogin(id, session, answer)).toEqual({ ok: false, reason: "challenge" });
    // Even with a fresh challenge pending, the old answer (old challenge) does not fit it.
    await authenticationOptions(id, session);
    expect(await verifySecurityKeyLogin(id, session, answer)).toEqual({ ok: false, reason: "invalid" });
  });

  it("a challenge of another login attempt (session) is not accepted", async () => {
    const { id, key, session } = await staffWithKey();
    const options = await authenticationOptions(id, session);
    expect(await verifySecurityKeyLogin(id, "another-session", key.assert(options.challenge))).toEqual({
      ok: false,
      reason: "challenge",
    });
  });

  it("a counter that goes backwards (cloned key) is refused as a clone", async () => {
    const { id, key, session } = await staffWithKey();
    let options = await authenticationOptions(id, session);
    expect(await verifySecurityKeyLogin(id, session, key.assert(options.challenge, undefined, 7))).toMatchObject({
      ok: true,
    });
    options = await authenticationOptions(id, session);
    expect(await verifySecurityKeyLogin(id, session, key.assert(options.challenge, undefined, 3))).toEqual({
      ok: false,
      reason: "cloned",
    });
  });

  it("removing a key needs the right password", async () => {
    const { id } = await staffWithKey();
    const [key] = listSecurityKeys(id);
    expect(await removeSecurityKey(id, key!.id, "fel lösenord")).toEqual({ ok: false, reason: "password" });
    expect(listSecurityKeys(id)).toHaveLength(1);
  });
});
