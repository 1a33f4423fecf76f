import { X509Certificate } from "node:crypto";
import { describe, expect, it, vi } from "vitest";

/** The serial's random bytes, set per test; empty means the real randomBytes. */
const serial = vi.hoisted(() => ({ bytes: [] as number[] }));
vi.mock("node:crypto", async (importOriginal) => {
  const real = await importOriginal<typeof import("node:crypto")>();
  return {
    ...real,
    randomBytes: (size: number) => (serial.bytes.length > 0 ? Buffer.from(serial.bytes) : real.randomBytes(size)),
  };
});

const { positiveInteger, selfSignedCertificate } = await import("./self-signed-certificate.server");

describe("positiveInteger (DER, X.690 8.3.2)", () => {
  it.each([
    [[0x00, 0x01, 0x02], "020201 02"],
    [[0x00, 0x00, 0x7f], "02017f"],
    [[0x00, 0x80], "0202 0080"],
    [[0x80], "0202 0080"],
    [[0x00, 0x00], "020100"],
    [[0x12, 0x00], "0202 1200"],
  ])("writes %j in its one minimal form", (bytes, hex) => {
    expect(positiveInteger(Buffer.from(bytes)).toString("hex")).toBe(hex.replaceAll(" ", ""));
  });
});

describe("a certificate whose random serial begins with a zero octet", () => {
  it.each([
    ["00 then a byte under 0x80", [0x00, 0x05, ...Array<number>(14).fill(0xab)]],
    ["00 then a byte over 0x80", [0x00, 0x95, ...Array<number>(14).fill(0xab)]],
    ["00 00 then a byte under 0x80", [0x00, 0x00, 0x05, ...Array<number>(13).fill(0xab)]],
  ])("is one OpenSSL parses (%s); 00 then a byte under 0x80 was refused before", (_label, bytes) => {
    serial.bytes = bytes;
    try {
      const cert = new X509Certificate(selfSignedCertificate("serial", 1).certificatePem);
      expect(BigInt(`0x${cert.serialNumber}`)).toBe(BigInt(`0x${Buffer.from(bytes).toString("hex")}`));
      expect(cert.verify(cert.publicKey)).toBe(true);
    } finally {
      serial.bytes = [];
    }
  });
});
