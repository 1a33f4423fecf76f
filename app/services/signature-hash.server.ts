import { createHash } from "node:crypto";

/**
 * What a guardian approves when co-signing a school application, reduced to one SHA-256 hash.
 * The hash is over a canonical JSON text (keys sorted at every level, no whitespace), so the
 * same content always gives the same hash whatever order the keys were stored in, and any
 * change to the content (even one the officer might later make) gives a different one.
 * See docs/decisions/023-school-applications-are-co-signed-over-a-content-hash.md.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    if (typeof value === "number" && !Number.isFinite(value)) throw new TypeError("non-finite number cannot be signed");
    if (value === undefined) return "null";
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export interface SignedContent {
  /** The case reference the signature belongs to. */
  reference: string;
  formId: string;
  /** The answers as the applicant submitted them (decrypted). */
  data: unknown;
}

export function contentHash(content: SignedContent): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}
