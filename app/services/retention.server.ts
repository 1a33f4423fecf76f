import { createHash } from "node:crypto";
import { join } from "node:path";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import {
  auditEvent,
  caseAttachment,
  caseDecision,
  caseEvent,
  caseSignature,
  caseTable,
  diariumEntry,
  message,
  messageAttachment,
  municipality,
  retentionRule,
  type RetentionAction,
} from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { TaggedPdf } from "~/pdf/tagged.server";
import { defineJob } from "~/jobs/runner.server";
import { log } from "~/utils/logger.server";
import { writePackage, safeFileName, type PackageFile } from "./archive-package.server";
import { audit } from "~/platform/audit.server";
import { caseAnswers } from "./cases.server";
import { decrypt } from "~/platform/crypto.server";
import { dataSubdir, readStoredFileBytes, removeStoredFile } from "./file-store.server";
import { uploadsDir } from "./uploads.server";

/**
 * Records management (issue 13 item 5, docs/decisions/059). A case whose rule's period has run
 * out since it was decided or closed is first written to an archive package (metadata JSON, the
 * case as PDF/A-2b, its files, a SHA-256 manifest), the package is read back and checked, and
 * only then is the case deleted or thinned, in one transaction per case, with one audit row.
 * The audit log itself is exported and thinned after AUDIT_RETENTION_MONTHS.
 * Scheduling belongs to the job runner (defineJob); this module only offers `runRetention`.
 */

/** Statuses after which nothing more happens to a case: its retention period runs from the last of them. */
const FINAL_STATUSES = ["decided", "closed", "withdrawn", "signature_declined"] as const;

/** Tables that keep their rows when a case is thinned (they hold the skeleton and the statistics). */
const KEPT_ON_THIN = new Set(["case_event", "case_decision", "permit_case", "case_assignment", "diarium_entry"]);

interface RetentionCandidate {
  caseId: number;
  reference: string;
  municipalityId: number;
  municipalityName: string;
  caseType: string;
  status: string;
  action: RetentionAction;
  periodMonths: number;
  planReference: string | null;
  closedAt: string;
  dueAt: string;
}

interface RetentionReport {
  now: string;
  dryRun: boolean;
  cases: (RetentionCandidate & {
    outcome?: "archived-deleted" | "archived-thinned" | "failed";
    package?: string;
    error?: string;
  })[];
  audit: { cutoff: string; rows: number; exported?: string };
}

function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  // The 31st plus one month is the last day of the next month, not the first of the one after.
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The cases the rules name at `now`, oldest due first; `municipalityIds` limits them (an admin's scope). */
export function retentionCandidates(now: Date, municipalityIds?: readonly number[]): RetentionCandidate[] {
  if (municipalityIds && municipalityIds.length === 0) return [];
  const finals = sql.join(
    FINAL_STATUSES.map((s) => sql`${s}`),
    sql`, `,
  );
  const rows = db()
    .select({
      caseId: caseTable.id,
      reference: caseTable.reference,
      municipalityId: caseTable.municipalityId,
      municipalityName: municipality.name,
      caseType: caseTable.formId,
      status: caseTable.status,
      thinnedAt: caseTable.thinnedAt,
      updatedAt: caseTable.updatedAt,
      action: retentionRule.action,
      periodMonths: retentionRule.periodMonths,
      planReference: retentionRule.planReference,
      lastFinalEvent: sql<
        string | null
      >`(select max(e.created_at) from case_event e where e.case_id = ${caseTable.id} and e.to_status in (${finals}))`,
    })
    .from(caseTable)
    .innerJoin(
      retentionRule,
      and(eq(retentionRule.municipalityId, caseTable.municipalityId), eq(retentionRule.caseType, caseTable.formId)),
    )
    .innerJoin(municipality, eq(municipality.id, caseTable.municipalityId))
    .where(
      and(
        inArray(caseTable.status, [...FINAL_STATUSES]),
        municipalityIds ? inArray(caseTable.municipalityId, [...municipalityIds]) : undefined,
      ),
    )
    .all();
  const out: RetentionCandidate[] = [];
  for (const r of rows) {
    if (r.action === "thin" && r.thinnedAt) continue;
    const closedAt = r.lastFinalEvent ?? r.updatedAt;
    const due = addMonths(closedAt, r.periodMonths);
    if (due.getTime() > now.getTime()) continue;
    out.push({
      caseId: r.caseId,
      reference: r.reference,
      municipalityId: r.municipalityId,
      municipalityName: r.municipalityName,
      caseType: r.caseType,
      status: r.status,
      action: r.action,
      periodMonths: r.periodMonths,
      planReference: r.planReference,
      closedAt,
      dueAt: due.toISOString(),
    });
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.reference.localeCompare(b.reference));
}

// ---- The archive package of one case ------------------------------------------------------

interface StoredFileRef {
  dir: string;
  storedName: string;
}

function caseFiles(caseId: number): {
  package: { path: string; originalName: string; read: () => Buffer | null }[];
  stored: StoredFileRef[];
} {
  const attachments = db()
    .select({ storedName: caseAttachment.storedName, originalName: caseAttachment.originalName })
    .from(caseAttachment)
    .where(eq(caseAttachment.caseId, caseId))
    .orderBy(asc(caseAttachment.id))
    .all();
  const messageFiles = db()
    .select({ storedName: messageAttachment.storedName, originalName: messageAttachment.originalName })
    .from(messageAttachment)
    .innerJoin(message, eq(message.id, messageAttachment.messageId))
    .where(eq(message.caseId, caseId))
    .orderBy(asc(messageAttachment.id))
    .all();
  const decision = db()
    .select({ documentName: caseDecision.documentName })
    .from(caseDecision)
    .where(eq(caseDecision.caseId, caseId))
    .get();
  const uploads = uploadsDir();
  const decisions = dataSubdir("decisions");
  const all = [
    ...attachments.map((a) => ({ dir: uploads, ...a })),
    ...messageFiles.map((a) => ({ dir: uploads, ...a })),
    ...(decision ? [{ dir: decisions, storedName: decision.documentName, originalName: decision.documentName }] : []),
  ];
  return {
    package: all.map((f, i) => ({
      path: `files/${i + 1}-${safeFileName(f.originalName)}`,
      originalName: f.originalName,
      read: () => readStoredFileBytes(f.dir, f.storedName),
    })),
    stored: all.map((f) => ({ dir: f.dir, storedName: f.storedName })),
  };
}

function decryptOrNull(value: string): string | null {
  try {
    return decrypt(value);
  } catch {
    return null;
  }
}

/** The case as a tagged PDF/A-2b (decisions 059, 084): one heading per part of the record. */
async function casePdf(meta: Record<string, unknown>, reference: string, archivedAt: Date): Promise<Uint8Array> {
  const title = `Ärende ${reference}`;
  const w = new TaggedPdf({
    title,
    subject: "Arkivexemplar",
    footer: title,
    language: "sv-SE",
    date: archivedAt,
    archive: true,
  });
  w.heading(1, title, { size: 16 });
  w.paragraph(`Arkiverat ${archivedAt.toISOString()}`, { size: 9 });
  w.rule();
  for (const [key, value] of Object.entries(meta)) {
    w.heading(2, key, { size: 12 });
    w.paragraph(JSON.stringify(value, null, 2) || "–", { size: 9 });
  }
  return w.bytes();
}

/**
 * The case's e-ID signatures as documents of the package (docs/decisions/085): each one the
 * provider's `userSignature` exactly as received (Base64 of the signed JWS, or of a signed XML
 * document from another provider), so that it can be verified again without the portal, and
 * listed in metadata.json with who, when and the SHA-256 of the text it covers.
 */
function signatureFiles(caseId: number) {
  const rows = db()
    .select()
    .from(caseSignature)
    .where(eq(caseSignature.caseId, caseId))
    .orderBy(asc(caseSignature.id))
    .all();
  const files: PackageFile[] = [];
  const list = rows.map((r, i) => {
    const path = `signatures/${i + 1}-${safeFileName(r.party)}.b64`;
    const bytes = Buffer.from(decrypt(r.userSignature), "utf8");
    files.push({ path, bytes });
    return {
      path,
      party: r.party,
      signer: decrypt(r.signerName),
      signedAt: r.signedAt,
      issuer: r.issuer,
      language: r.language,
      signedTextSha256: r.signedTextHash,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      format: "the userSignature claim as the provider sent it (Base64)",
    };
  });
  return { files, list };
}

async function archiveCase(
  candidate: RetentionCandidate,
  now: Date,
): Promise<{ dir: string; manifestSha256: string; stored: StoredFileRef[] }> {
  const c = db().select().from(caseTable).where(eq(caseTable.id, candidate.caseId)).get();
  if (!c) throw new Error(`case ${candidate.reference} is gone`);
  const events = db().select().from(caseEvent).where(eq(caseEvent.caseId, c.id)).orderBy(asc(caseEvent.id)).all();
  const messages = db().select().from(message).where(eq(message.caseId, c.id)).orderBy(asc(message.id)).all();
  const decision = db().select().from(caseDecision).where(eq(caseDecision.caseId, c.id)).get();
  const files = caseFiles(c.id);
  const packageFiles: PackageFile[] = [];
  const fileList: { path: string; originalName: string; sha256: string; size: number }[] = [];
  for (const f of files.package) {
    const bytes = f.read();
    // A file a row names but the disk lost is recorded as missing rather than stopping the archive.
    if (!bytes) continue;
    packageFiles.push({ path: f.path, bytes });
    fileList.push({
      path: f.path,
      originalName: f.originalName,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      size: bytes.length,
    });
  }
  const signatures = signatureFiles(c.id);
  packageFiles.push(...signatures.files);
  const meta = {
    reference: c.reference,
    municipality: { id: c.municipalityId, name: candidate.municipalityName },
    administrationId: c.administrationId,
    caseType: c.formId,
    formVersion: c.formVersion,
    area: c.area,
    status: c.status,
    language: c.language,
    createdAt: c.createdAt,
    closedAt: candidate.closedAt,
    protectedIdentity: c.protectedIdentity,
    retention: {
      action: candidate.action,
      periodMonths: candidate.periodMonths,
      planReference: candidate.planReference,
      dueAt: candidate.dueAt,
    },
    archivedAt: now.toISOString(),
    thinnedAt: c.thinnedAt,
    applicant: {
      personId: c.applicantPersonId,
      organisationId: c.applicantOrganisationId,
      submittedByPersonId: c.submittedByPersonId,
      contactEmail: c.contactEmail,
    },
    answers: c.thinnedAt ? {} : caseAnswers(c),
    events: events.map((e) => ({ at: e.createdAt, from: e.fromStatus, to: e.toStatus, actor: e.actor, note: e.note })),
    messages: messages.map((m) => ({ at: m.createdAt, sender: m.sender, body: decryptOrNull(m.body) })),
    decision: decision
      ? {
          outcome: decision.outcome,
          decidedOn: decision.decidedOn,
          text: decision.text,
          decidedBy: decision.decidedByName,
        }
      : null,
    files: fileList,
    signatures: signatures.list,
  };
  const metaBytes = Buffer.from(`${JSON.stringify(meta, null, 2)}\n`, "utf8");
  const pdf = await casePdf(meta, c.reference, now);
  const written = writePackage(join(env().ARCHIVE_DIR, "cases"), c.reference, [
    { path: "metadata.json", bytes: metaBytes },
    { path: "arende.pdf", bytes: pdf },
    ...packageFiles,
  ]);
  return { ...written, stored: files.stored };
}

// ---- Deleting and thinning ----------------------------------------------------------------

interface ForeignKey {
  table: string;
  column: string;
  parentColumn: string;
}

/** Who references whom, read from the database so that a table added later is not forgotten. */
function childrenOf(parent: string): ForeignKey[] {
  return db()
    .$client.prepare(
      `select m.name as "table", p."from" as "column", coalesce(p."to", 'id') as parentColumn
       from sqlite_master m join pragma_foreign_key_list(m.name) p
       where m.type = 'table' and p."table" = ?`,
    )
    .all(parent) as ForeignKey[];
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Deletes the rows of `table` whose `column` is in `values`, and everything that references them first. */
function deleteCascade(table: string, column: string, values: (string | number)[], keep: (t: string) => boolean) {
  if (values.length === 0) return;
  const marks = values.map(() => "?").join(", ");
  for (const child of childrenOf(table)) {
    if (keep(child.table)) continue;
    const parentValues = (
      db()
        .$client.prepare(
          `select ${quote(child.parentColumn)} as v from ${quote(table)} where ${quote(column)} in (${marks})`,
        )
        .all(...values) as { v: string | number }[]
    ).map((r) => r.v);
    deleteCascade(child.table, child.column, parentValues, keep);
  }
  db()
    .$client.prepare(`delete from ${quote(table)} where ${quote(column)} in (${marks})`)
    .run(...values);
}

function deleteCase(caseId: number) {
  // The diarium is the public register and outlives the case: it loses the link and the party name.
  db().update(diariumEntry).set({ caseId: null, partyName: null }).where(eq(diariumEntry.caseId, caseId)).run();
  deleteCascade("case", "id", [caseId], (t) => t === "diarium_entry");
}

function thinCase(caseId: number, now: Date) {
  for (const child of childrenOf("case")) {
    if (KEPT_ON_THIN.has(child.table)) continue;
    deleteCascade(child.table, child.column, [caseId], () => false);
  }
  db().update(caseEvent).set({ note: null }).where(eq(caseEvent.caseId, caseId)).run();
  db().update(caseDecision).set({ text: "" }).where(eq(caseDecision.caseId, caseId)).run();
  db()
    .$client.prepare(`update permit_case set property_designation = '', extension_reason = null where case_id = ?`)
    .run(caseId);
  db().update(diariumEntry).set({ partyName: null }).where(eq(diariumEntry.caseId, caseId)).run();
  db()
    .update(caseTable)
    .set({
      data: "{}",
      sensitiveData: null,
      contactEmail: null,
      applicantPersonId: null,
      applicantOrganisationId: null,
      submittedByPersonId: null,
      submitterKey: null,
      thinnedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    })
    .where(eq(caseTable.id, caseId))
    .run();
}

// ---- The audit log ------------------------------------------------------------------------

function auditCutoff(now: Date): string {
  return addMonths(now.toISOString(), -env().AUDIT_RETENTION_MONTHS).toISOString();
}

function countOldAudit(cutoff: string): number {
  return (
    db()
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .where(lt(auditEvent.at, cutoff))
      .get()?.n ?? 0
  );
}

/**
 * Exports the audit rows older than the cutoff (JSON lines + manifest) and, once the export has
 * been read back and checked, deletes them. The append-only trigger is lifted only inside that
 * one transaction, from its own stored definition, so no other writer ever sees it missing.
 */
function thinAuditLog(now: Date): { rows: number; exported?: string } {
  const cutoff = auditCutoff(now);
  const rows = db().select().from(auditEvent).where(lt(auditEvent.at, cutoff)).orderBy(asc(auditEvent.id)).all();
  if (rows.length === 0) return { rows: 0 };
  const first = rows[0]!.id;
  const last = rows[rows.length - 1]!.id;
  const jsonl = Buffer.from(rows.map((r) => JSON.stringify(r)).join("\n") + "\n", "utf8");
  const { dir } = writePackage(join(env().ARCHIVE_DIR, "audit"), `audit-${first}-${last}`, [
    { path: "audit.jsonl", bytes: jsonl },
    {
      path: "metadata.json",
      bytes: Buffer.from(
        JSON.stringify(
          { cutoff, firstId: first, lastId: last, rows: rows.length, exportedAt: now.toISOString() },
          null,
          2,
        ),
      ),
    },
  ]);
  const client = db().$client;
  client
    .transaction(() => {
      const triggers = client
        .prepare(
          `select name, sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_event' and sql like '%DELETE%'`,
        )
        .all() as { name: string; sql: string }[];
      for (const t of triggers) client.exec(`drop trigger ${quote(t.name)}`);
      client.prepare(`delete from audit_event where id between ? and ? and at < ?`).run(first, last, cutoff);
      for (const t of triggers) client.exec(t.sql);
    })
    .immediate();
  return { rows: rows.length, exported: dir };
}

// ---- The run ------------------------------------------------------------------------------

/**
 * One retention run. With `dryRun` nothing is written: the report lists what a run at `now`
 * would archive and delete or thin, and how many audit rows it would export and thin.
 */
export async function runRetention(
  options: { now?: Date; dryRun?: boolean; municipalityIds?: readonly number[] } = {},
): Promise<RetentionReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const cutoff = auditCutoff(now);
  const report: RetentionReport = {
    now: now.toISOString(),
    dryRun,
    cases: retentionCandidates(now, options.municipalityIds),
    audit: { cutoff, rows: countOldAudit(cutoff) },
  };
  if (dryRun) return report;
  for (const entry of report.cases) {
    try {
      const archived = await archiveCase(entry, now);
      db().transaction(() => {
        if (entry.action === "delete") deleteCase(entry.caseId);
        else thinCase(entry.caseId, now);
        audit({
          actor: "system",
          action: entry.action === "delete" ? "retention.case-deleted" : "retention.case-thinned",
          subjectType: "case",
          subjectId: entry.reference,
          municipalityId: entry.municipalityId,
          details: {
            caseType: entry.caseType,
            periodMonths: entry.periodMonths,
            package: archived.dir,
            manifestSha256: archived.manifestSha256,
          },
        });
      });
      // Files go only after the commit: a rolled-back case keeps them, and the package holds copies.
      for (const f of archived.stored) removeStoredFile(f.dir, f.storedName);
      entry.outcome = entry.action === "delete" ? "archived-deleted" : "archived-thinned";
      entry.package = archived.dir;
    } catch (error) {
      entry.outcome = "failed";
      entry.error = error instanceof Error ? error.message : String(error);
      log("error", "retention of a case failed", { reference: entry.reference, error: entry.error });
    }
  }
  if (!options.municipalityIds) {
    try {
      const thinned = thinAuditLog(now);
      report.audit = { cutoff, ...thinned };
      if (thinned.rows > 0)
        audit({
          actor: "system",
          action: "retention.audit-thinned",
          subjectType: "audit",
          details: { ...thinned, cutoff },
        });
    } catch (error) {
      log("error", "audit log thinning failed", { error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

/**
 * The daily retention run on the job runner (docs/decisions/053, 059): once across processes,
 * under a lease. With no rules it archives and deletes nothing; the audit log is still thinned
 * after AUDIT_RETENTION_MONTHS. The summary holds counts only.
 */
export const retentionJob = defineJob({
  name: "retention",
  everyMs: () => env().RETENTION_INTERVAL_HOURS * 3_600_000,
  firstDelayMs: 15 * 60_000,
  timeoutMs: 60 * 60_000,
  run: async ({ now }) => {
    const report = await runRetention({ now });
    const count = (outcome: string) => report.cases.filter((c) => c.outcome === outcome).length;
    return {
      deleted: count("archived-deleted"),
      thinned: count("archived-thinned"),
      failed: count("failed"),
      auditRows: report.audit.rows,
    };
  },
});
