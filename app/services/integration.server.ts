import { timingSafeEqual } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { RequestHead } from "~/utils/request-head";
import { DECISION_OUTCOMES } from "~/domain/statuses";
import { integrationSystem, integrationSystemMunicipality, type IntegrationSystem } from "../../db/schema/index";
import { hashIntegrationToken } from "../../db/seed/integration";
import { db } from "~/db.server";
import { apiError } from "~/services/api.server";
import type { Area } from "~/domain/areas";
import { routedSystemId } from "~/services/integration-systems.server";

/**
 * Case-management systems calling back (docs/decisions/020). Each system has its own
 * bearer token; only its SHA-256 is stored (tokens are 32+ random bytes, so a slow password
 * hash adds nothing), and the comparison is constant-time.
 */

export const hashToken = hashIntegrationToken;

/**
 * Whether a system may call back about a case (deny by default; docs/decisions/058): a case
 * handed over to a system belongs to that system alone; a case not yet handed over belongs to
 * the system routed for its municipality and area; only a case with neither (the demo/test
 * fallback target, or handed over before routing existed) falls back to the system's
 * municipalities.
 */
export function systemMayReachCase(
  systemId: number,
  c: { municipalityId: number; area: Area; handedOverTo: number | null },
): boolean {
  if (c.handedOverTo !== null) return c.handedOverTo === systemId;
  const routed = routedSystemId(c.municipalityId, c.area);
  if (routed !== null) return routed === systemId;
  return systemServesMunicipality(systemId, c.municipalityId);
}

function systemServesMunicipality(systemId: number, municipalityId: number): boolean {
  return Boolean(
    db()
      .select({ m: integrationSystemMunicipality.municipalityId })
      .from(integrationSystemMunicipality)
      .where(
        and(
          eq(integrationSystemMunicipality.systemId, systemId),
          eq(integrationSystemMunicipality.municipalityId, municipalityId),
        ),
      )
      .get(),
  );
}

/** The calling system, or a thrown 401 JSON response. */
export function requireIntegrationSystem(request: RequestHead): IntegrationSystem {
  const header = request.headers.get("Authorization") ?? "";
  const match = /^Bearer ([A-Za-z0-9._~+/=-]{16,200})$/.exec(header.trim());
  const unauthorized = () =>
    apiError(401, "unauthorized", "Send the system's token as Authorization: Bearer <token>.", {
      "WWW-Authenticate": 'Bearer realm="case-integration"',
    });
  if (!match) throw unauthorized();
  const hash = hashToken(match[1]!);
  const system = db().select().from(integrationSystem).where(eq(integrationSystem.tokenHash, hash)).get();
  if (!system || !system.active || !timingSafeEqual(Buffer.from(system.tokenHash), Buffer.from(hash)))
    throw unauthorized();
  db()
    .update(integrationSystem)
    .set({ lastUsedAt: new Date().toISOString() })
    .where(eq(integrationSystem.id, system.id))
    .run();
  return system;
}

/** What a system may send: a new status, a message to the applicant, a decision, or several. */
export const CaseCallbackSchema = z
  .object({
    status: z.string().min(1).max(40).optional(),
    message: z
      .object({ text: z.string().trim().min(1).max(5000) })
      .strict()
      .optional(),
    decision: z
      .object({
        outcome: z.enum(DECISION_OUTCOMES),
        text: z.string().trim().min(10).max(8000),
        decidedAt: z.string().datetime({ offset: true }).optional(),
      })
      .strict()
      .optional(),
    /** The system's own id for this update, echoed in the audit trail. */
    externalId: z.string().max(100).optional(),
  })
  .strict()
  .refine((b) => b.status || b.message || b.decision, { message: "Send at least one of status, message or decision." });

export type CaseCallback = z.infer<typeof CaseCallbackSchema>;

const MAX_CALLBACK_BYTES = 64 * 1024;

/** Reads and validates the JSON body; a thrown 4xx JSON response otherwise. */
export async function parseCaseCallback(request: Request): Promise<CaseCallback> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!/^application\/json\b/i.test(type))
    throw apiError(415, "unsupported_media_type", "Send JSON (Content-Type: application/json).");
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > MAX_CALLBACK_BYTES) throw apiError(413, "payload_too_large", `At most ${MAX_CALLBACK_BYTES} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_CALLBACK_BYTES)
    throw apiError(413, "payload_too_large", `At most ${MAX_CALLBACK_BYTES} bytes.`);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw apiError(400, "bad_request", "The body is not valid JSON.");
  }
  const parsed = CaseCallbackSchema.safeParse(raw);
  if (!parsed.success) {
    throw apiError(
      400,
      "bad_request",
      parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "),
    );
  }
  return parsed.data;
}
