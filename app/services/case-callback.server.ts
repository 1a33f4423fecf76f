import { eq } from "drizzle-orm";
import { isArea } from "~/domain/areas";
import { isCaseStatus, type CaseStatus } from "~/domain/statuses";
import {
  caseDecision,
  caseExport,
  caseTable,
  integrationCallback,
  type IntegrationSystem,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { getFixedT } from "~/i18n/i18n.server";
import { log } from "~/utils/logger.server";
import { audit } from "~/platform/audit.server";
import { writeDecisionDocument } from "./backoffice.server";
import { changeCaseStatus } from "./cases.server";
import { allowedTransitions, IllegalTransitionError } from "./case-status";
import type { CaseCallback } from "./integration.server";
import { systemMayReachCase } from "./integration.server";
import { insertSystemMessageToApplicant, residentRecipients } from "./messages.server";
import { notify } from "./notifications.server";
import { removeFolderExport } from "./outbox.server";
import { swedishDate } from "./permit-clock";
import { CALLBACK_OUTCOME_KEY } from "~/i18n/keys";

/**
 * A case-management system reports back on a case it received (docs/decisions/020, 034): a
 * new status (through the case's status machine), a message to the applicant, a decision, or
 * several at once. All parts are applied in one transaction or none; the applicant is
 * notified after the commit, as when an officer does the same in the back office.
 */

export type CallbackResult =
  | {
      ok: true;
      duplicate: boolean;
      reference: string;
      status: string;
      messageId: number | null;
      decision: string | null;
    }
  | { ok: false; status: 400 | 404 | 409; error: string; message: string; details?: Record<string, unknown> };

class Refused extends Error {
  constructor(readonly result: Extract<CallbackResult, { ok: false }>) {
    super(result.error);
  }
}

const REFERENCE = /^[A-Z0-9-]{3,40}$/;

export async function applyCaseCallback(input: {
  system: IntegrationSystem;
  reference: string;
  body: CaseCallback;
  now?: Date;
}): Promise<CallbackResult> {
  const now = input.now ?? new Date();
  const reference = input.reference.toUpperCase();
  const { system, body } = input;
  const actor = `system:${system.slug}`;
  const notFound: CallbackResult = {
    ok: false,
    status: 404,
    error: "not_found",
    message: "No case with this reference for this system.",
  };
  if (!REFERENCE.test(reference)) return notFound;

  const c = db()
    .select({
      id: caseTable.id,
      municipalityId: caseTable.municipalityId,
      area: caseTable.area,
      status: caseTable.status,
      language: caseTable.language,
    })
    .from(caseTable)
    .where(eq(caseTable.reference, reference))
    .get();
  // Scope: the system's municipalities, and only cases the portal has handed over (a school
  // application still waiting for a guardian's signature was never sent, so it is not there).
  const exported = c
    ? db()
        .select({ id: caseExport.id, systemId: caseExport.systemId })
        .from(caseExport)
        .where(eq(caseExport.reference, reference))
        .get()
    : undefined;
  const handedOver = Boolean(exported);
  if (
    !c ||
    !exported ||
    !systemMayReachCase(system.id, { municipalityId: c.municipalityId, area: c.area, handedOverTo: exported.systemId })
  ) {
    audit({
      actor: "system",
      action: "integration.callback",
      subjectType: "case",
      subjectId: reference,
      municipalityId: c?.municipalityId,
      details: {
        system: system.slug,
        outcome: "refused",
        reason: !c ? "unknown" : !handedOver ? "not-handed-over" : "scope",
      },
    });
    return notFound;
  }
  if (!isArea(c.area)) return notFound;

  const wanted = body.status;
  if (wanted !== undefined && !isCaseStatus(wanted)) {
    return { ok: false, status: 400, error: "bad_request", message: `Unknown status "${wanted}".` };
  }
  if (wanted === "decided" && !body.decision) {
    return {
      ok: false,
      status: 409,
      error: "decision_required",
      message: 'A case becomes "decided" only with a decision: send the decision object.',
    };
  }

  const state: { duplicate: boolean; messageId: number | null; statusChanged: boolean } = {
    duplicate: false,
    messageId: null,
    statusChanged: false,
  };
  try {
    db().transaction((tx) => {
      if (body.externalId) {
        const fresh = tx
          .insert(integrationCallback)
          .values({ systemId: system.id, externalId: body.externalId, caseId: c.id, createdAt: now.toISOString() })
          .onConflictDoNothing()
          .run();
        if (fresh.changes === 0) {
          state.duplicate = true;
          return;
        }
      }
      // The status it already has: nothing to change (a system may repeat its last update).
      if (wanted && wanted !== "decided" && wanted !== c.status) {
        changeCaseStatus({
          caseId: c.id,
          to: wanted as CaseStatus,
          via: "callback",
          actor,
          note: body.externalId ?? undefined,
          now,
        });
        state.statusChanged = true;
      }
      if (body.decision) {
        if (tx.select({ id: caseDecision.caseId }).from(caseDecision).where(eq(caseDecision.caseId, c.id)).get()) {
          throw new Refused({
            ok: false,
            status: 409,
            error: "already_decided",
            message: "The case already has a decision.",
          });
        }
        const decidedOn = swedishDate(body.decision.decidedAt ? new Date(body.decision.decidedAt) : now);
        tx.insert(caseDecision)
          .values({
            caseId: c.id,
            outcome: body.decision.outcome,
            decidedOn,
            text: body.decision.text,
            fee: null,
            documentName: "",
            decidedBy: actor,
            decidedByName: system.name,
          })
          .run();
        changeCaseStatus({ caseId: c.id, to: "decided", via: "callback", actor, note: body.decision.outcome, now });
        state.statusChanged = true;
        const t = getFixedT(c.language === "en" ? "en" : "sv", "backoffice");
        insertSystemMessageToApplicant({
          caseId: c.id,
          body: t("applicantMessages.systemDecision", {
            reference,
            outcome: t(CALLBACK_OUTCOME_KEY[body.decision.outcome]),
            text: body.decision.text,
          }),
          now,
        });
      }
      if (body.message)
        state.messageId = insertSystemMessageToApplicant({ caseId: c.id, body: body.message.text, now });
    });
  } catch (error) {
    if (error instanceof IllegalTransitionError) {
      const result = {
        ok: false as const,
        status: 409 as const,
        error: "illegal_transition",
        message: `The case cannot go from "${error.from}" to "${error.to}".`,
        details: {
          from: error.from,
          to: error.to,
          allowed: allowedTransitions(error.area, error.from).filter((s) => s !== "decided"),
        },
      };
      audit({
        actor: "system",
        action: "integration.callback",
        subjectType: "case",
        subjectId: reference,
        municipalityId: c.municipalityId,
        details: { system: system.slug, outcome: "refused", reason: result.error, from: error.from, to: error.to },
      });
      return result;
    }
    if (error instanceof Refused) {
      audit({
        actor: "system",
        action: "integration.callback",
        subjectType: "case",
        subjectId: reference,
        municipalityId: c.municipalityId,
        details: { system: system.slug, outcome: "refused", reason: error.result.error },
      });
      return error.result;
    }
    throw error;
  }

  const after = db().select({ status: caseTable.status }).from(caseTable).where(eq(caseTable.id, c.id)).get()!;
  // The system has the case: its folder copy (decrypted answers, personnummer) goes (decision 043).
  const folder = system.targetKind === "folder" && system.target ? system.target : undefined;
  if (removeFolderExport(reference, folder) > 0)
    log("info", "folder export removed after acknowledgement", { reference });
  if (state.duplicate) {
    audit({
      actor: "system",
      action: "integration.callback",
      subjectType: "case",
      subjectId: reference,
      municipalityId: c.municipalityId,
      details: { system: system.slug, outcome: "duplicate", externalId: body.externalId },
    });
    return { ok: true, duplicate: true, reference, status: after.status, messageId: null, decision: null };
  }
  audit({
    actor: "system",
    action: "integration.callback",
    subjectType: "case",
    subjectId: reference,
    municipalityId: c.municipalityId,
    // What changed, never the texts (they may hold personal data).
    details: {
      system: system.slug,
      outcome: "ok",
      externalId: body.externalId ?? null,
      from: c.status,
      status: after.status,
      message: Boolean(body.message),
      decision: body.decision?.outcome ?? null,
    },
  });

  // After the commit: the decision document, then the applicant's notifications.
  try {
    if (body.decision) await writeDecisionDocument(c.id, `${reference}-beslut.pdf`);
    const recipients = residentRecipients(c.id);
    // A status change (a decision too) has told every party in its transaction (decision 079);
    // a message without one is told here.
    if (body.message && !state.statusChanged) await notify({ recipients, caseId: c.id, kind: "message", now });
  } catch (error) {
    // The change itself is committed; a failed notification must not turn it into a 500 that
    // makes the system send it again.
    log("error", "callback follow-up failed", {
      reference,
      error: error instanceof Error ? error.message : String(error),
    });
  }
  return {
    ok: true,
    duplicate: false,
    reference,
    status: after.status,
    messageId: state.messageId,
    decision: body.decision?.outcome ?? null,
  };
}
