import { createPrivateKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { selfSignedCertificate } from "./self-signed-certificate.server";

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
