import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { selfSignedCertificate, storedRsaKey } from "./self-signed-certificate.server";

describe("selfSignedCertificate", () => {
  it("makes an X.509 certificate that node parses, that verifies with its own key and matches the private key", () => {
    const { privateKeyPem, certificatePem } = selfSignedCertificate("Dalsland test IdP", 30);
    const cert = new X509Certificate(certificatePem);
    expect(cert.subject).toBe("CN=Dalsland test IdP");
    expect(cert.issuer).toBe("CN=Dalsland test IdP");
    expect(cert.verify(cert.publicKey)).toBe(true);
    expect(cert.checkPrivateKey(createPrivateKey(privateKeyPem))).toBe(true);
    const days = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect(Date.parse(cert.validFrom)).toBeLessThanOrEqual(Date.now());
  });

  it("makes a new key each time", () => {
    expect(selfSignedCertificate("a").privateKeyPem).not.toBe(selfSignedCertificate("a").privateKeyPem);
  });
});

describe("storedRsaKey", () => {
  it("makes the key once, keeps it private to the owner and returns the same key at the next start", () => {
    const dir = mkdtempSync(join(tmpdir(), "rsa-key-"));
    try {
      const file = join(dir, ".test-idp-key.pem");
      const first = storedRsaKey(file);
      expect(first.asymmetricKeyType).toBe("rsa");
      expect(first.asymmetricKeyDetails?.modulusLength).toBe(2048);
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const pem = readFileSync(file, "utf8");
      const again = storedRsaKey(file);
      expect(again.export({ type: "pkcs8", format: "pem" })).toBe(pem);
      expect(readFileSync(file, "utf8")).toBe(pem);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("refuses a file that holds no RSA private key", () => {
    const dir = mkdtempSync(join(tmpdir(), "rsa-key-"));
    try {
      const file = join(dir, "key.pem");
      writeFileSync(file, "not a key");
      expect(() => storedRsaKey(file)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
