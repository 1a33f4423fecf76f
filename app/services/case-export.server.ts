import { createHash } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import {
  administration,
  caseAttachment,
  caseEvent,
  caseTable,
  municipality,
  organisation,
  person,
} from "../../db/schema/index";
import { getFormDefinition } from "./forms.server";
import { checkYourAnswers } from "../../forms/flow";
import { translatorFor } from "../../forms/keys";
import type { FormValues } from "../../forms/types";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { renderReceipt } from "~/pdf/receipt.server";
import { caseAnswers } from "./cases.server";
import { decrypt } from "~/platform/crypto.server";
import { caseTypeTitles } from "./diarium-text.server";
import { EXPORT_FORMAT, EXPORT_VERSION, type CaseExportDocument, type ExportAttachment } from "./outbox.server";
import { uploadsDir } from "./uploads.server";
import { readStoredFile } from "./file-store.server";

/**
 * Builds the hand-over document of one case (format described in docs/integration/case-export.md).
 * Built at delivery time, not at submission: the sensitive answers are decrypted only here,
 * in memory, for the receiving system, and never written to the outbox table.
 */

type PartyJson =
  | { kind: "person"; personnummer: string; givenName: string; familyName: string }
  | { kind: "organisation"; orgNumber: string; name: string }
  | null;

function personParty(id: number | null): PartyJson {
  if (id === null) return null;
  const p = db().select().from(person).where(eq(person.id, id)).get();
  return p
    ? {
        kind: "person",
        personnummer: decrypt(p.personnummerEncrypted),
        givenName: p.givenName,
        familyName: p.familyName,
      }
    : null;
}

function organisationParty(id: number | null): PartyJson {
  if (id === null) return null;
  const o = db().select().from(organisation).where(eq(organisation.id, id)).get();
  return o ? { kind: "organisation", orgNumber: o.orgNumber, name: o.name } : null;
}

function fileAsAttachment(
  bytes: Uint8Array,
  meta: { id?: string; field?: string; name: string; contentType: string },
): ExportAttachment {
  return {
    ...(meta.id ? { id: meta.id } : {}),
    ...(meta.field ? { field: meta.field } : {}),
    name: meta.name,
    contentType: meta.contentType,
    size: bytes.byteLength,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    contentBase64: Buffer.from(bytes).toString("base64"),
  };
}

/** "a.b[0]" style rows for answers of case types without a form definition (childcare, school, permits). */
function flatRows(value: unknown, prefix = ""): { label: string; text: string }[] {
  if (value === null || value === undefined || value === "") return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => flatRows(v, `${prefix}[${i + 1}]`));
  if (typeof value === "object")
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) =>
      flatRows(v, prefix ? `${prefix}.${k}` : k),
    );
  return [{ label: prefix || "-", text: String(value) }];
}

/** The submission as a PDF: the same document as the applicant's receipt. */
async function submissionPdf(input: {
  reference: string;
  formId: string;
  language: Language;
  createdAt: string;
  municipalityName: string;
  answers: Record<string, unknown>;
}): Promise<Uint8Array> {
  const def = getFormDefinition(input.formId);
  let rows: { label: string; text: string }[];
  let formTitle: string;
  let processingDays = 0;
  if (def) {
    const t = translatorFor(getFixedT(input.language, "forms") as never);
    rows = checkYourAnswers(def, input.answers as FormValues, t).map((r) => ({ label: t(r.labelKey), text: r.text }));
    formTitle = getFixedT(input.language, "forms")(def.titleKey.slice("forms.".length));
    processingDays = def.processingDays;
  } else {
    rows = flatRows(input.answers);
    formTitle = caseTypeTitles(input.formId)[input.language === "en" ? 1 : 0] ?? input.formId;
  }
  return renderReceipt({
    lang: input.language,
    formTitle,
    reference: input.reference,
    createdAt: input.createdAt,
    municipality: input.municipalityName,
    processingDays,
    rows,
  });
}

/** The export document of a case, or null when there is no such case. */
export async function buildCaseExport(reference: string, now = new Date()): Promise<CaseExportDocument | null> {
  const row = db()
    .select({ c: caseTable, m: municipality, a: administration })
    .from(caseTable)
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .innerJoin(administration, eq(administration.id, caseTable.administrationId))
    .where(eq(caseTable.reference, reference))
    .get();
  if (!row) return null;
  const { c, m, a } = row;
  const language: Language = c.language === "en" ? "en" : "sv";
  const answers = caseAnswers(c);

  const files = db()
    .select()
    .from(caseAttachment)
    .where(eq(caseAttachment.caseId, c.id))
    .orderBy(asc(caseAttachment.id))
    .all();
  const attachments = files.map((f) => {
    // Stored names are generated by the portal; anything else is refused rather than read.
    if (!/^[A-Za-z0-9._-]+$/.test(f.storedName) || f.storedName.startsWith("."))
      throw new Error(`attachment ${f.publicId}: bad stored name`);
    // Decrypted here: the export hands the applicant's file over as it was sent (docs/decisions/043).
    const bytes = readStoredFile(uploadsDir(), f.storedName);
    const exported = fileAsAttachment(bytes, {
      id: f.publicId,
      field: f.field,
      name: f.originalName,
      contentType: f.mime,
    });
    // A damaged file is not handed over as if it were the applicant's: the row stays pending, visibly.
    if (exported.sha256 !== f.sha256) throw new Error(`attachment ${f.publicId}: checksum mismatch`);
    return exported;
  });

  const pdf = await submissionPdf({
    reference: c.reference,
    formId: c.formId,
    language,
    createdAt: c.createdAt,
    municipalityName: m.name,
    answers,
  });
  const events = db().select().from(caseEvent).where(eq(caseEvent.caseId, c.id)).orderBy(asc(caseEvent.id)).all();

  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    reference: c.reference,
    exportedAt: now.toISOString(),
    case: {
      reference: c.reference,
      caseType: c.formId,
      caseTypeTitle: caseTypeTitles(c.formId)[0] ?? c.formId,
      formVersion: c.formVersion,
      area: c.area,
      status: c.status,
      language,
      submittedAt: c.createdAt,
      decisionDueAt: c.decisionDueAt,
      municipality: { code: m.code, slug: m.slug, name: m.name, orgNumber: m.orgNumber },
      administration: { slug: a.slug, name: a.nameSv },
      applicant: organisationParty(c.applicantOrganisationId) ?? personParty(c.applicantPersonId),
      submittedBy: personParty(c.submittedByPersonId),
      // Skyddade personuppgifter (docs/decisions/046): the receiving system must handle the case
      // as protected; the answers and the PDF above already carry no address.
      protectedIdentity: c.protectedIdentity,
      contactEmail: c.contactEmail,
      answers,
      events: events.map((e) => ({
        at: e.createdAt,
        from: e.fromStatus,
        to: e.toStatus,
        actor: e.actor,
        note: e.note,
      })),
    },
    attachments,
    submissionPdf: fileAsAttachment(pdf, { name: `${c.reference}.pdf`, contentType: "application/pdf" }),
  };
}
