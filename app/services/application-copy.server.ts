import { eq, inArray } from "drizzle-orm";
import { caseTable, childcareUnit, municipality, schoolSignature } from "../../db/schema/index";
import { getFormDefinition } from "./forms.server";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { renderReceipt } from "~/pdf/receipt.server";
import { formatDateTime } from "~/utils/format";
import { getVisibleCase, type ResidentViewer } from "./case-access.server";
import { caseAnswers, childAtSubmission } from "./cases.server";
import { registerPerson } from "./population.server";
import { signedContent } from "./school.server";
import { contentHash } from "./signature-hash.server";

type CaseRow = typeof caseTable.$inferSelect;

/** The case types that have a copy of the application: childcare and school applications. */
const COPY_AREAS = ["barnomsorg", "skola"] as const;

function hasCopy(c: CaseRow | undefined): c is CaseRow {
  return Boolean(c && (COPY_AREAS as readonly string[]).includes(c.area) && getFormDefinition(c.formId));
}

/**
 * The case a resident may download a copy of: one they may see on Mina sidor (the applicant,
 * and a co-guardian who is a party to it), and only a childcare or school application.
 * Anyone else gets undefined, and the route answers 404.
 */
export function applicationCopyCaseForResident(input: {
  reference: string;
  viewer: ResidentViewer;
}): CaseRow | undefined {
  const c = getVisibleCase(input);
  return hasCopy(c) ? c : undefined;
}

/** The case row by id, for an officer whose scope the caller has already checked. */
export function applicationCopyCaseById(caseId: number): CaseRow | undefined {
  const c = db().select().from(caseTable).where(eq(caseTable.id, caseId)).get();
  return hasCopy(c) ? c : undefined;
}

function unitNames(ids: number[]): string[] {
  if (!ids.length) return [];
  const rows = db()
    .select({ id: childcareUnit.id, name: childcareUnit.name })
    .from(childcareUnit)
    .where(inArray(childcareUnit.id, ids))
    .all();
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? String(id));
}

async function personName(hmac: string): Promise<string> {
  const p = await registerPerson(hmac, "case-handling");
  return p ? `${p.givenName} ${p.familyName}` : "";
}

/** The child as named at submission; a case from before that was kept asks the register. */
async function childName(c: CaseRow, hmac: string): Promise<string> {
  const kept = childAtSubmission(c);
  return kept ? `${kept.givenName} ${kept.familyName}` : personName(hmac);
}

/** What the applicant sent, as label/text rows in the reader's language (the same labels as the case page). */
export async function applicationCopyRows(c: CaseRow, lang: Language): Promise<{ label: string; text: string }[]> {
  const t = getFixedT(lang, "childcare");
  const answers = caseAnswers(c);
  const ranked = (names: string[]) => names.map((n, i) => `${i + 1}. ${n}`).join("\n");
  if (c.area === "barnomsorg") {
    const a = answers as {
      child: string;
      careKind: string;
      units: number[];
      desiredStart: string;
      guaranteeDate: string;
      hoursPerWeek: number;
      reason: string | null;
      specialNeeds?: string;
    };
    const rows = [
      {
        label: t("case.child"),
        text: `${await childName(c, a.child)} (${t("mypages:myData.source", { source: t("source.folkbokforingen-testregister") })})`,
      },
      { label: t("case.careKind"), text: t(`careKind.${a.careKind}`) },
      { label: t("apply.units.legend"), text: ranked(unitNames(a.units ?? [])) },
      { label: t("case.desiredStart"), text: a.desiredStart },
      { label: t("case.guaranteeDate"), text: a.guaranteeDate },
      { label: t("case.hours"), text: String(a.hoursPerWeek) },
    ];
    if (a.reason) rows.push({ label: t("apply.reason.legend"), text: t(`apply.reason.${a.reason}`) });
    if (a.specialNeeds) rows.push({ label: t("case.specialNeeds"), text: a.specialNeeds });
    return rows;
  }
  const a = answers as {
    child: string;
    applicationType: string;
    schools: number[];
    startDate: string;
    reason: string | null;
  };
  const rows = [
    { label: t("school.details.child"), text: await childName(c, a.child) },
    { label: t("school.details.type"), text: t(`school.applicationType.${a.applicationType}`) },
    { label: t("school.details.schools"), text: ranked(unitNames(a.schools ?? [])) },
    { label: t("school.details.startDate"), text: a.startDate },
  ];
  if (a.reason) rows.push({ label: t("school.details.reason"), text: a.reason });
  // Who approved what: the signatures and the hash of the approved content (docs/decisions/023).
  const sigs = db().select().from(schoolSignature).where(eq(schoolSignature.caseId, c.id)).all();
  rows.push({
    label: t("school.signatures.heading"),
    text: (
      await Promise.all(
        sigs.map(
          async (s) =>
            `${await personName(s.guardianHmac)}: ${s.decision === "pending" ? t("school.signatures.pending") : t(`school.signatures.${s.decision}`, { date: s.decidedAt ? formatDateTime(s.decidedAt) : "" })}`,
        ),
      )
    ).join("\n"),
  });
  rows.push({ label: t("school.signatures.hash"), text: contentHash(signedContent(c)) });
  return rows;
}

/** The PDF copy of the application: the form service's receipt layout (pdf-lib, embedded font). */
export async function applicationCopyPdf(c: CaseRow, lang: Language): Promise<{ bytes: Uint8Array; filename: string }> {
  const def = getFormDefinition(c.formId)!;
  const m = db()
    .select({ name: municipality.name })
    .from(municipality)
    .where(eq(municipality.id, c.municipalityId))
    .get();
  const bytes = await renderReceipt({
    lang,
    formTitle: getFixedT(lang, "forms")(def.titleKey.slice("forms.".length)),
    reference: c.reference,
    createdAt: c.createdAt,
    municipality: m?.name ?? "",
    processingDays: def.processingDays,
    rows: await applicationCopyRows(c, lang),
  });
  return { bytes, filename: `ansokan-${c.reference}.pdf` };
}

/** The download response: a PDF attachment, never cached. */
export function pdfAttachment(file: { bytes: Uint8Array; filename: string }): Response {
  return new Response(new Uint8Array(file.bytes), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
