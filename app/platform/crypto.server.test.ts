import { hkdfSync, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { resetEnvForTests } from "~/env.server";
import { decrypt, encrypt, fileKey, hmacIndex } from "./crypto.server";

describe("encryption at rest", () => {
  it("round-trips and never produces the same token twice (random IV)", () => {
    const a = encrypt("198203249274");
    const b = encrypt("198203249274");
    expect(a).not.toBe(b);
    expect(a).not.toContain("198203249274");
    expect(decrypt(a)).toBe("198203249274");
    expect(decrypt(b)).toBe("198203249274");
  });

  it("refuses a token that was tampered with", () => {
    const token = encrypt("hemligt");
    const parts = token.split(".");
    parts[3] = Buffer.from("x" + Buffer.from(parts[3]!, "base64url").toString("latin1")).toString("base64url");
    expect(() => decrypt(parts.join("."))).toThrow();
    expect(() => decrypt("not-a-token")).toThrow();
  });

  it("refuses a token whose authentication tag was truncated (tag length pinned to 16 bytes)", () => {
    const token = encrypt("hemligt");
    const parts = token.split(".");
    // GCM without a pinned length accepts a 4-byte prefix of the right tag.
    parts[4] = Buffer.from(parts[4]!, "base64url").subarray(0, 4).toString("base64url");
    expect(() => decrypt(parts.join("."))).toThrow();
  });

  it("gives a stable HMAC index that does not reveal the value", () => {
    expect(hmacIndex("198203249274")).toBe(hmacIndex("198203249274"));
    expect(hmacIndex("198203249274")).not.toBe(hmacIndex("198412179288"));
    expect(hmacIndex("198203249274")).not.toContain("1982");
  });

  it("reads old values after a new key is put first, and keeps the index stable", () => {
    const old = "0".repeat(64);
    const fresh = "1".repeat(64);
    const saved = process.env.DATA_ENCRYPTION_KEY;
    try {
      process.env.DATA_ENCRYPTION_KEY = old;
      resetEnvForTests();
      const token = encrypt("198203249274");
      const index = hmacIndex("198203249274");
      process.env.DATA_ENCRYPTION_KEY = `${fresh},${old}`;
      resetEnvForTests();
      expect(decrypt(token)).toBe("198203249274");
      expect(hmacIndex("198203249274")).toBe(index);
      expect(encrypt("x").split(".")[1]).not.toBe(token.split(".")[1]);
    } finally {
      if (saved === undefined) delete process.env.DATA_ENCRYPTION_KEY;
      else process.env.DATA_ENCRYPTION_KEY = saved;
      resetEnvForTests();
    }
  });
});

describe("a file's own key", () => {
  it("is HKDF-SHA256 of the master and the file's salt: the same bytes as Node's hkdfSync (RFC 5869)", () => {
    for (let i = 0; i < 500; i++) {
      const master = randomBytes(32);
      const salt = randomBytes(16);
      const expected = Buffer.from(hkdfSync("sha256", master, salt, "portal/file/aes-256-gcm/v1", 32));
      expect(fileKey(master, salt).equals(expected)).toBe(true);
    }
  });
});
