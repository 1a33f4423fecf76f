/**
 * Each municipality's Swish merchant, set by its administrator (decision 094 on decision 080): the
 * merchant number, the merchant certificate and key for mutual TLS (encrypted at rest, never shown
 * back: only a fingerprint), and where Swish sends callbacks. Every change is audited, without the
 * secrets.
 */
import { createPrivateKey, X509Certificate } from "node:crypto";
import { eq } from "drizzle-orm";
import { paymentMerchant } from "../../db/schema/index";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { audit } from "~/platform/audit.server";
import { decrypt, encrypt } from "~/platform/crypto.server";

export interface MerchantView {
  payeeAlias: string | null;
  /** SHA-256 fingerprint of the stored certificate (colon-separated), never the certificate itself. */
  certFingerprint: string | null;
  certValidTo: string | null;
  hasKey: boolean;
  callbackUrl: string | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export type MerchantField = "payeeAlias" | "cert" | "key" | "callbackUrl";
export type MerchantResult = { ok: true } | { ok: false; errors: Partial<Record<MerchantField, string>> };

const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

/** What the administrator sees of a municipality's merchant (nothing secret). */
export function merchantView(municipalityId: number): MerchantView {
  const row = db().select().from(paymentMerchant).where(eq(paymentMerchant.municipalityId, municipalityId)).get();
  if (!row)
    return {
      payeeAlias: null,
      certFingerprint: null,
      certValidTo: null,
      hasKey: false,
      callbackUrl: null,
      updatedAt: null,
      updatedBy: null,
    };
  const cert = row.certPem ? new X509Certificate(decrypt(row.certPem)) : null;
  return {
    payeeAlias: row.payeeAlias,
    certFingerprint: cert?.fingerprint256 ?? null,
    certValidTo: cert ? new Date(cert.validTo).toISOString() : null,
    hasKey: row.keyPem !== null,
    callbackUrl: row.callbackUrl,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/**
 * Saves the merchant of a municipality the caller administers (checked by the route). An empty
 * certificate and key keep the stored ones; a new certificate needs its key (checked to match).
 */
export function saveMerchant(input: {
  actor: StaffUser;
  municipalityId: number;
  payeeAlias: string;
  certPem: string;
  keyPem: string;
  callbackUrl: string;
}): MerchantResult {
  const errors: Partial<Record<MerchantField, string>> = {};
  const payeeAlias = input.payeeAlias.replace(/[\s-]/g, "");
  if (!/^123\d{7}$/.test(payeeAlias)) errors.payeeAlias = "admin-catalogue:payments.merchant.errors.payeeAlias";
  const certPem = input.certPem.trim();
  const keyPem = input.keyPem.trim();
  if (certPem || keyPem) {
    let cert: X509Certificate | null = null;
    try {
      cert = new X509Certificate(certPem);
    } catch {
      errors.cert = "admin-catalogue:payments.merchant.errors.cert";
    }
    if (cert) {
      try {
        if (!cert.checkPrivateKey(createPrivateKey(keyPem)))
          errors.key = "admin-catalogue:payments.merchant.errors.keyMismatch";
      } catch {
        errors.key = "admin-catalogue:payments.merchant.errors.key";
      }
    }
  }
  const callbackUrl = input.callbackUrl.trim();
  if (callbackUrl) {
    let url: URL | null = null;
    try {
      url = new URL(callbackUrl);
    } catch {
      url = null;
    }
    const httpsOnly = env().PORTAL_ENV === "production";
    if (!url || !(url.protocol === "https:" || (!httpsOnly && url.protocol === "http:")) || callbackUrl.length > 500)
      errors.callbackUrl = "admin-catalogue:payments.merchant.errors.callbackUrl";
  }
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const before = merchantView(input.municipalityId);
  const now = new Date().toISOString();
  const values = {
    payeeAlias,
    callbackUrl: callbackUrl || null,
    updatedAt: now,
    updatedBy: input.actor.name,
    ...(certPem ? { certPem: encrypt(certPem), keyPem: encrypt(keyPem) } : {}),
  };
  db()
    .insert(paymentMerchant)
    .values({ municipalityId: input.municipalityId, ...values })
    .onConflictDoUpdate({ target: paymentMerchant.municipalityId, set: values })
    .run();
  const changed = [
    before.payeeAlias !== payeeAlias ? "payeeAlias" : null,
    certPem ? "certificate" : null,
    before.callbackUrl !== (callbackUrl || null) ? "callbackUrl" : null,
  ].filter((f): f is string => f !== null);
  audit({
    actor: input.actor,
    action: "payment.merchant.updated",
    subjectType: "payment_merchant",
    subjectId: String(input.municipalityId),
    municipalityId: input.municipalityId,
    details: {
      changed,
      payeeAlias,
      certFingerprint: certPem ? fingerprint(certPem) : before.certFingerprint,
    },
  });
  return { ok: true };
}
