import { createPrivateKey, generateKeyPair, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { promisify } from "node:util";
import { writeOnce } from "~/platform/write-once.server";

/**
 * An RSA key and a self-signed X.509 certificate made with node:crypto alone (node can parse
 * certificates but not issue them, and a library for one DER structure is not worth its weight).
 * Used by the local SAML identity provider and by tests that need a service-provider key; never
 * for anything a real party must trust (docs/decisions/065).
 */
export interface KeyAndCertificate {
  privateKeyPem: string;
  certificatePem: string;
}

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let rest = n; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest % 256);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, content: Buffer) => Buffer.concat([Buffer.from([tag]), length(content.length), content]);
const sequence = (...parts: Buffer[]) => tlv(0x30, Buffer.concat(parts));

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number) as [number, number, ...number[]];
  const out = [a * 40 + b];
  for (const arc of rest) {
    const chunk: number[] = [arc % 128];
    for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift((v % 128) | 0x80);
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

/**
 * A positive INTEGER from unsigned big-endian bytes, in DER's one encoding (X.690 8.3.2): no
 * leading zero octet unless the next has its top bit set. A random serial that began 00 0x was
 * once written as it came, and OpenSSL refused one certificate in 512 ("illegal padding").
 */
export function positiveInteger(bytes: Buffer): Buffer {
  let start = 0;
  while (start < bytes.length - 1 && bytes[start] === 0) start++;
  const digits = bytes.subarray(start);
  return tlv(0x02, digits[0]! >= 0x80 ? Buffer.concat([Buffer.from([0]), digits]) : digits);
}

/** UTCTime (years 1950–2049, RFC 5280 4.1.2.5.1). */
function utcTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-12-03T10:00:00.000Z
  const text =
    iso.slice(2, 4) +
    iso.slice(5, 7) +
    iso.slice(8, 10) +
    iso.slice(11, 13) +
    iso.slice(14, 16) +
    iso.slice(17, 19) +
    "Z";
  return tlv(0x17, Buffer.from(text, "ascii"));
}

const name = (commonName: string) =>
  sequence(tlv(0x31, sequence(oid("2.5.4.3"), tlv(0x0c, Buffer.from(commonName, "utf8")))));

const SHA256_WITH_RSA = sequence(oid("1.2.840.113549.1.1.11"), Buffer.from([0x05, 0x00]));

const pem = (label: string, der: Buffer) =>
  `-----BEGIN ${label}-----\n${(der.toString("base64").match(/.{1,64}/g) ?? []).join("\n")}\n-----END ${label}-----\n`;

/** A certificate for `keys`, valid `days` days from now. */
function certificateFor(keys: { privateKey: KeyObject; publicKey: KeyObject }, commonName: string, days: number) {
  const { privateKey, publicKey } = keys;
  const now = new Date();
  const tbs = sequence(
    tlv(0xa0, positiveInteger(Buffer.from([2]))), // version 3
    positiveInteger(randomBytes(16)),
    SHA256_WITH_RSA,
    name(commonName),
    sequence(utcTime(new Date(now.getTime() - 60_000)), utcTime(new Date(now.getTime() + days * 86_400_000))),
    name(commonName),
    publicKey.export({ type: "spki", format: "der" }),
  );
  const signature = sign("sha256", tbs, privateKey);
  const certificate = sequence(tbs, SHA256_WITH_RSA, tlv(0x03, Buffer.concat([Buffer.from([0]), signature])));
  return {
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem: pem("CERTIFICATE", certificate),
  };
}

/** A fresh 2048-bit RSA key and a certificate for it, valid `days` days from now. */
export function selfSignedCertificate(commonName: string, days = 365): KeyAndCertificate {
  return certificateFor(generateKeyPairSync("rsa", { modulusLength: 2048 }), commonName, days);
}

/**
 * A fresh 2048-bit RSA key pair made on libuv's thread pool: generating one costs 0.1–0.5 s of
 * CPU, which on the event loop held every other request (and /healthz) that long (decision 135).
 */
const rsaKeyPair = () => promisify(generateKeyPair)("rsa", { modulusLength: 2048 });

function readKeyAndCertificate(file: string): KeyAndCertificate {
  const stored = JSON.parse(readFileSync(file, "utf8")) as Partial<KeyAndCertificate>;
  if (typeof stored.privateKeyPem !== "string" || typeof stored.certificatePem !== "string")
    throw new Error(`${file}: not a key and certificate`);
  return { privateKeyPem: stored.privateKeyPem, certificatePem: stored.certificatePem };
}

/**
 * A key and certificate kept in `file` (JSON, mode 0600), made on first use. Several portal
 * processes share DATA_DIR (decision 053): the first to write wins and the others read its key.
 * Synchronous, for start-up (the demo SAML identity provider's key, before the portal listens).
 */
export function storedKeyAndCertificate(file: string, commonName: string): KeyAndCertificate {
  if (!existsSync(file)) writeOnce(file, JSON.stringify(selfSignedCertificate(commonName, 3650)));
  return readKeyAndCertificate(file);
}

/** The same, for a request's first use: the key is made off the event loop (decision 135). */
export async function storedKeyAndCertificateAsync(file: string, commonName: string): Promise<KeyAndCertificate> {
  if (!existsSync(file)) writeOnce(file, JSON.stringify(certificateFor(await rsaKeyPair(), commonName, 3650)));
  return readKeyAndCertificate(file);
}

/**
 * A 2048-bit RSA private key kept in `file` (PKCS#8 PEM, mode 0600), made on first use, for the
 * demo/test identity providers: processes sharing DATA_DIR then sign with the same key, and no
 * start makes one anew (decision 095). The first process to write wins; the others read its key.
 * Made off the event loop: the first login of a new data directory made it there (decision 135).
 */
export async function storedRsaKey(file: string): Promise<KeyObject> {
  if (!existsSync(file)) {
    const { privateKey } = await rsaKeyPair();
    writeOnce(file, privateKey.export({ type: "pkcs8", format: "pem" }).toString());
  }
  const key = createPrivateKey(readFileSync(file, "utf8"));
  if (key.asymmetricKeyType !== "rsa") throw new Error(`${file}: not an RSA private key`);
  return key;
}
