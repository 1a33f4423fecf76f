import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { diffWords } from "diff";
import { administration, eserviceDefinition, municipality, type EserviceDefinitionRow } from "../../db/schema/index";
import { definitionDocuments } from "../../forms/definitions/index";
import { DOCUMENT_SCHEMA_PATH, parseDocument, type DefinitionDocument, type TextTree } from "../../forms/document";
import { definitionProblems } from "../../forms/check-definition";
import type { DB } from "../../db/client";
import { db } from "~/db.server";
import { prepared } from "~/db-prepared.server";
import type { RoleAssignment } from "~/auth/permissions";
import type { StaffUser } from "~/auth/guards.server";
import { canStaff, staffScopes } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { invalidateAnonymousCache } from "~/services/page-cache.server";
import { getFixedT, setDefinitionTexts } from "~/i18n/i18n.server";
import { ADMINISTRATION_SLUGS, type Field, type FormDefinition, type GroupChildField } from "../../forms/types";
import { GROUP_MAX_CEILING } from "../../forms/fields/group";
import { AREAS } from "~/domain/areas";
import { listMunicipalities } from "~/services/municipalities.server";

/**
 * E-service definitions as versioned rows (decision 075). The engine reads the published version
 * of each form through a cache that publishing empties; a resident's draft keeps the version it
 * started on (form_draft.form_version) and reads that version here. Designers work on one draft
 * version per form, scoped to municipality × administration.
 */

interface Published {
  row: Pick<EserviceDefinitionRow, "formId" | "version" | "municipalityId" | "administrationId">;
  document: DefinitionDocument;
}

let cache: { database: DB; version: number; checkedAt: number; byId: Map<string, Published> } | undefined;

/**
 * How often the cache asks whether another process has written an e-service (decision 175): a read
 * of the database costs ~5 µs (its read lock), and a form's walk reads the definitions ~50 times.
 * This process's own publications empty the cache at once.
 */
export const DEFINITIONS_CHECK_MS = 1_000;

/**
 * The version of the eservice_definition table, bumped by migration 0051's triggers on every write
 * to it from any connection: another instance's publication empties this process's cache too
 * (decision 175). One indexed row, read with a statement prepared once per connection.
 */
const definitionsVersion = (): number =>
  (prepared("eservices.page-version", (d) =>
    d.$client.prepare("select version from page_version where name = 'eservices'").pluck(),
  ).get() as number | undefined) ?? -1;

function loadPublished(): Map<string, Published> {
  const database = db();
  const now = performance.now();
  const cached = cache?.database === database ? cache : undefined;
  if (cached && now - cached.checkedAt < DEFINITIONS_CHECK_MS) return cached.byId;
  const version = definitionsVersion();
  if (cached?.version === version) {
    cached.checkedAt = now;
    return cached.byId;
  }
  const rows = database
    .select()
    .from(eserviceDefinition)
    .where(eq(eserviceDefinition.status, "published"))
    .orderBy(asc(eserviceDefinition.id))
    .all();
  const known = new Set(
    database
      .selectDistinct({ formId: eserviceDefinition.formId })
      .from(eserviceDefinition)
      .all()
      .map((r) => r.formId),
  );
  const byId = new Map<string, Published>();
  // A database not yet seeded (a test that never prepared it) still runs the seed documents.
  for (const document of definitionDocuments)
    if (!known.has(document.definition.id))
      byId.set(document.definition.id, {
        row: {
          formId: document.definition.id,
          version: document.definition.version,
          municipalityId: null,
          administrationId: null,
        },
        document,
      });
  for (const row of rows) byId.set(row.formId, { row, document: JSON.parse(row.document) as DefinitionDocument });
  cache = { database, version, checkedAt: now, byId };
  // Retired versions keep their own texts under their own key (`forms.<id>--v<N>.…`): a draft
  // started on one, its receipt and its PDF read that version's questions (decision 086).
  const retired = database
    .select({
      formId: eserviceDefinition.formId,
      version: eserviceDefinition.version,
      document: eserviceDefinition.document,
    })
    .from(eserviceDefinition)
    .where(eq(eserviceDefinition.status, "retired"))
    .all()
    .map((r) => pinnedTexts(r.formId, r.version, JSON.parse(r.document) as DefinitionDocument));
  setDefinitionTexts([...[...byId.values()].map((p) => p.document), ...retired]);
  return byId;
}

/** The text id of an older version: form ids are kebab-case, so "--" never appears in one. */
export function pinnedTextId(formId: string, version: number): string {
  return `${formId}--v${version}`;
}

/** Only what the translations need: the version's texts under its pinned text id. */
function pinnedTexts(formId: string, version: number, doc: DefinitionDocument): DefinitionDocument {
  return { ...doc, definition: { ...doc.definition, id: pinnedTextId(formId, version) } };
}

/**
 * An older version with its text keys moved to its pinned text id (the definition's id stays):
 * every server-side text of it (step page, check page, receipt, PDF) is that version's own.
 */
function pinnedDocument(doc: DefinitionDocument, version: number): DefinitionDocument {
  const formId = doc.definition.id;
  const from = JSON.stringify(`forms.${formId}.`).slice(1, -1);
  const to = JSON.stringify(`forms.${pinnedTextId(formId, version)}.`).slice(1, -1);
  const definition = JSON.parse(
    JSON.stringify(doc.definition).split(from).join(to),
  ) as DefinitionDocument["definition"];
  return { ...doc, definition: { ...definition, id: formId } };
}

/** Empties the cache: the next read sees what was published. */
export function invalidateEserviceDefinitions() {
  cache = undefined;
}

/** The published document of every e-service, in a stable order. */
export function publishedDocuments(): DefinitionDocument[] {
  return [...loadPublished().values()].map((p) => p.document);
}

/** The published document of one e-service, or undefined. */
export function getPublishedDocument(formId: string): DefinitionDocument | undefined {
  return loadPublished().get(formId)?.document;
}

/**
 * One version of an e-service (a draft started on it completes on it, decision 070). A draft
 * version is never served to residents: only published or retired ones.
 */
export function getDocumentVersion(formId: string, version: number): DefinitionDocument | undefined {
  const published = loadPublished().get(formId);
  if (published?.row.version === version) return published.document;
  const row = db()
    .select({ document: eserviceDefinition.document })
    .from(eserviceDefinition)
    .where(
      and(
        eq(eserviceDefinition.formId, formId),
        eq(eserviceDefinition.version, version),
        inArray(eserviceDefinition.status, ["published", "retired"]),
      ),
    )
    .get();
  return row ? pinnedDocument(JSON.parse(row.document) as DefinitionDocument, version) : undefined;
}

// ---- Checking a document ------------------------------------------------------------------

/** Problems keyed by where they are ("definition.steps.0.fields.1.name", "texts.en", "document"). */
export type DocumentErrors = Record<string, string>;

function lookup(tree: TextTree, path: string[]): string | undefined {
  let node: string | TextTree | undefined = tree;
  for (const part of path) {
    if (typeof node !== "object") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

/** Every text key the definition uses (labels, hints, titles, options) that a language lacks. */
function missingTexts(doc: DefinitionDocument): DocumentErrors {
  const prefix = `forms.${doc.definition.id}.`;
  const errors: DocumentErrors = {};
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}.${i}`));
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) {
        if (k.endsWith("Key") && typeof v === "string" && v.startsWith(prefix)) {
          for (const lang of ["sv", "en"] as const)
            if (!lookup(doc.texts[lang], v.slice(prefix.length).split(".")))
              errors[`${path}.${k}.${lang}`] ??= `missing ${lang} text for ${v}`;
        } else walk(v, `${path}.${k}`);
      }
  };
  walk(doc.definition, "definition");
  return errors;
}

/**
 * A document from outside (an import, the designer): shape (`parseDocument`), meaning
 * (`definitionProblems`, the engine's own checker) and both languages' texts. Never throws.
 */
export function checkDocument(
  input: unknown,
): { ok: true; document: DefinitionDocument } | { ok: false; errors: DocumentErrors } {
  const parsed = parseDocument(input);
  if (!parsed.ok) {
    const errors: DocumentErrors = {};
    for (const p of parsed.problems) {
      const at = p.indexOf(": ");
      errors[at > 0 ? p.slice(0, at) : "document"] ??= at > 0 ? p.slice(at + 2) : p;
    }
    return { ok: false, errors };
  }
  const errors: DocumentErrors = {};
  for (const p of definitionProblems(parsed.document.definition)) {
    // "<formId>: <where>: <what>" from check-definition.ts
    const parts = p.split(": ");
    const where = parts.length >= 3 ? `definition.${parts[1]}` : "definition";
    errors[where] = errors[where] ? `${errors[where]}; ${parts.slice(2).join(": ")}` : parts.slice(2).join(": ") || p;
  }
  Object.assign(errors, missingTexts(parsed.document));
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, document: parsed.document };
}

// ---- The designer's scope -------------------------------------------------------------------

type Scoped = Pick<EserviceDefinitionRow, "municipalityId" | "administrationId">;

/** A shared e-service (no municipality) belongs to the portal-wide editors; others to their scope. */
function mayDesign(roles: readonly RoleAssignment[], user: StaffUser, row: Scoped): boolean {
  if (row.municipalityId === null) return roles.some((r) => r.role === "editor" && r.municipalityId === null);
  return canStaff(user, "eservice.design", {
    municipalityId: row.municipalityId,
    ...(row.administrationId === null ? {} : { administrationId: row.administrationId }),
  });
}

/** The designer may open the designer at all (some scope). */
export function isDesigner(user: StaffUser): boolean {
  return (
    user.roles.some((r) => r.role === "editor" && r.municipalityId === null) ||
    staffScopes(user, "eservice.design").length > 0
  );
}

function formRows(formId: string) {
  return db()
    .select()
    .from(eserviceDefinition)
    .where(eq(eserviceDefinition.formId, formId))
    .orderBy(desc(eserviceDefinition.version))
    .all();
}

/** The e-service's rows for a designer who may edit it; 404 when unknown, 403 (audited) otherwise. */
export function requireDesignableEservice(user: StaffUser, formId: string): EserviceDefinitionRow[] {
  const rows = formRows(formId);
  const latest = rows[0];
  if (!latest) throw new Response("Not found", { status: 404 });
  if (!mayDesign(user.roles, user, latest)) {
    audit({
      actor: user,
      action: "eservice.design",
      subjectType: "eservice_definition",
      subjectId: formId,
      ...(latest.municipalityId === null ? {} : { municipalityId: latest.municipalityId }),
      outcome: "refused",
    });
    throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
  }
  return rows;
}

export interface EserviceListItem {
  formId: string;
  title: string;
  municipality: string | null;
  published: number | null;
  draft: number | null;
  editable: boolean;
}

function titleOf(doc: DefinitionDocument, lang: "sv" | "en"): string {
  return lookup(doc.texts[lang], ["title"]) ?? doc.definition.id;
}

/** Every e-service: the ones in the designer's scope can be edited, the rest only copied. */
export function listEservicesForDesigner(user: StaffUser, lang: "sv" | "en"): EserviceListItem[] {
  publishedDocuments(); // the seed documents are rows from here on
  const rows = db()
    .select({ row: eserviceDefinition, municipality: municipality.name })
    .from(eserviceDefinition)
    .leftJoin(municipality, eq(municipality.id, eserviceDefinition.municipalityId))
    .orderBy(asc(eserviceDefinition.formId), desc(eserviceDefinition.version))
    .all();
  const byForm = new Map<string, EserviceListItem>();
  for (const { row, municipality: name } of rows) {
    let item = byForm.get(row.formId);
    if (!item) {
      item = {
        formId: row.formId,
        title: titleOf(JSON.parse(row.document) as DefinitionDocument, lang),
        municipality: name,
        published: null,
        draft: null,
        editable: mayDesign(user.roles, user, row),
      };
      byForm.set(row.formId, item);
    }
    if (row.status === "published") item.published = row.version;
    if (row.status === "draft") item.draft = row.version;
  }
  return [...byForm.values()].sort((a, b) => a.title.localeCompare(b.title, "sv"));
}

/** The administrations a designer may put a new e-service under (municipality × administration). */
export function designerScopes(user: StaffUser, lang: "sv" | "en") {
  const scopes = staffScopes(user, "eservice.design");
  const all = db()
    .select({
      id: administration.id,
      municipalityId: administration.municipalityId,
      nameSv: administration.nameSv,
      nameEn: administration.nameEn,
      municipality: municipality.name,
    })
    .from(administration)
    .innerJoin(municipality, eq(municipality.id, administration.municipalityId))
    .orderBy(asc(municipality.name), asc(administration.nameSv))
    .all();
  return all
    .filter((a) =>
      scopes.some(
        (s) =>
          s.municipalityId === a.municipalityId && (s.administrationId === undefined || s.administrationId === a.id),
      ),
    )
    .map((a) => ({
      value: String(a.id),
      municipalityId: a.municipalityId,
      label: `${a.municipality}: ${lang === "en" ? (a.nameEn ?? a.nameSv) : a.nameSv}`,
    }));
}

// ---- Changing ----------------------------------------------------------------------------

export class DesignerInputError extends Error {
  constructor(public errors: DocumentErrors) {
    super("The e-service document has problems");
  }
}

const FORM_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Rewrites a document to a new form id: the definition's id and every text key's prefix. */
export function renameDocument(doc: DefinitionDocument, newId: string): DefinitionDocument {
  const from = `forms.${doc.definition.id}.`;
  const to = `forms.${newId}.`;
  const json = JSON.stringify(doc.definition)
    .split(JSON.stringify(from).slice(1, -1))
    .join(JSON.stringify(to).slice(1, -1));
  const definition = { ...(JSON.parse(json) as DefinitionDocument["definition"]), id: newId };
  return { ...doc, definition };
}

/**
 * A new e-service from a document (a copy of another, an import): version 1, a draft, in the
 * designer's municipality × administration. The document must pass `checkDocument`.
 */
export function createEservice(
  user: StaffUser,
  input: { formId: string; administrationId: number; document: unknown },
): { formId: string } {
  const errors: DocumentErrors = {};
  if (!FORM_ID.test(input.formId) || input.formId.length > 80) errors.formId = "formId";
  else if (formRows(input.formId).length > 0 || definitionDocuments.some((d) => d.definition.id === input.formId))
    errors.formId = "taken";
  const scope = designerScopes(user, "sv").find((s) => s.value === String(input.administrationId));
  if (!scope) errors.administrationId = "administrationId";
  if (Object.keys(errors).length > 0) throw new DesignerInputError(errors);
  const checked = checkDocument(input.document);
  if (!checked.ok) throw new DesignerInputError(checked.errors);
  const doc = renameDocument({ ...checked.document, $schema: DOCUMENT_SCHEMA_PATH }, input.formId);
  doc.definition = { ...doc.definition, version: 1, offeredBy: [municipalitySlug(scope!.municipalityId)] };
  const again = checkDocument(doc);
  if (!again.ok) throw new DesignerInputError(again.errors);
  db()
    .insert(eserviceDefinition)
    .values({
      formId: input.formId,
      version: 1,
      status: "draft",
      document: JSON.stringify(again.document),
      municipalityId: scope!.municipalityId,
      administrationId: input.administrationId,
      createdBy: user.staffUserId,
    })
    .run();
  audit({
    actor: user,
    action: "eservice.created",
    subjectType: "eservice_definition",
    subjectId: input.formId,
    municipalityId: scope!.municipalityId,
    details: { administrationId: input.administrationId },
  });
  return { formId: input.formId };
}

function municipalitySlug(id: number): string {
  return db().select({ slug: municipality.slug }).from(municipality).where(eq(municipality.id, id)).get()!.slug;
}

/** The draft version of an e-service, started from the latest version when there is none. */
export function getOrStartDraft(user: StaffUser, formId: string): EserviceDefinitionRow {
  const rows = requireDesignableEservice(user, formId);
  const draft = rows.find((r) => r.status === "draft");
  if (draft) return draft;
  const latest = rows[0]!;
  const version = latest.version + 1;
  const doc = JSON.parse(latest.document) as DefinitionDocument;
  doc.definition = { ...doc.definition, version };
  const row = db()
    .insert(eserviceDefinition)
    .values({
      formId,
      version,
      status: "draft",
      document: JSON.stringify(doc),
      municipalityId: latest.municipalityId,
      administrationId: latest.administrationId,
      createdBy: user.staffUserId,
    })
    .returning()
    .get();
  audit({
    actor: user,
    action: "eservice.draft_started",
    subjectType: "eservice_definition",
    subjectId: formId,
    ...(latest.municipalityId === null ? {} : { municipalityId: latest.municipalityId }),
    details: { version },
  });
  return row;
}

/**
 * Replaces the draft version's document (checked first; the id and version are the draft's).
 * Who offers it stays as it was unless `offering` is set: only the designer's handling form
 * changes it, after checking the designer's scope (`applyOffering`).
 */
export function saveDraftDocument(
  user: StaffUser,
  formId: string,
  input: unknown,
  offering: "keep" | "change" = "keep",
): DefinitionDocument {
  const draft = getOrStartDraft(user, formId);
  const checked = checkDocument(input);
  if (!checked.ok) throw new DesignerInputError(checked.errors);
  if (checked.document.definition.id !== formId)
    throw new DesignerInputError({ "definition.id": `must stay ${formId}` });
  const current = JSON.parse(draft.document) as DefinitionDocument;
  const doc: DefinitionDocument = {
    ...checked.document,
    definition: {
      ...checked.document.definition,
      version: draft.version,
      offeredBy: offering === "change" ? checked.document.definition.offeredBy : current.definition.offeredBy,
    },
  };
  db()
    .update(eserviceDefinition)
    .set({ document: JSON.stringify(doc), updatedAt: new Date().toISOString() })
    .where(eq(eserviceDefinition.id, draft.id))
    .run();
  audit({
    actor: user,
    action: "eservice.draft_saved",
    subjectType: "eservice_definition",
    subjectId: formId,
    ...(draft.municipalityId === null ? {} : { municipalityId: draft.municipalityId }),
    details: { version: draft.version },
  });
  return doc;
}

/** The draft version's document for the designer (starting one when there is none). */
export function getDraftDocument(user: StaffUser, formId: string): { version: number; document: DefinitionDocument } {
  const draft = getOrStartDraft(user, formId);
  return { version: draft.version, document: JSON.parse(draft.document) as DefinitionDocument };
}

/**
 * Publishes the draft: the published version becomes retired (drafts of residents started on it
 * still complete on it), the cache is emptied. Checked once more before it goes live.
 */
export function publishDraft(user: StaffUser, formId: string): { version: number } {
  const rows = requireDesignableEservice(user, formId);
  const draft = rows.find((r) => r.status === "draft");
  if (!draft) throw new DesignerInputError({ document: "noDraft" });
  const checked = checkDocument(JSON.parse(draft.document));
  if (!checked.ok) throw new DesignerInputError(checked.errors);
  const now = new Date().toISOString();
  db().transaction((tx) => {
    tx.update(eserviceDefinition)
      .set({ status: "retired", updatedAt: now })
      .where(and(eq(eserviceDefinition.formId, formId), eq(eserviceDefinition.status, "published")))
      .run();
    tx.update(eserviceDefinition)
      .set({ status: "published", publishedAt: now, updatedAt: now })
      .where(eq(eserviceDefinition.id, draft.id))
      .run();
  });
  invalidateEserviceDefinitions();
  invalidateAnonymousCache(); // the catalogue (/blanketter) lists it at once
  audit({
    actor: user,
    action: "eservice.published",
    subjectType: "eservice_definition",
    subjectId: formId,
    ...(draft.municipalityId === null ? {} : { municipalityId: draft.municipalityId }),
    details: { version: draft.version },
  });
  return { version: draft.version };
}

/** The version history of an e-service, newest first. */
export function listVersions(user: StaffUser, formId: string) {
  return requireDesignableEservice(user, formId).map((r) => ({
    version: r.version,
    status: r.status,
    createdAt: r.createdAt,
    publishedAt: r.publishedAt,
  }));
}

// ---- The designer's forms -------------------------------------------------------------------

/** 403 for staff without any designer scope (deny by default). */
export function requireDesigner(user: StaffUser): void {
  if (!isDesigner(user)) throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The "copy from" choice that starts from an empty e-service instead (decision 086). */
export const BLANK = "tom";

/**
 * An e-service to build from scratch: one step asking for a name and an e-mail address (a
 * receipt needs one), placeholder texts in both languages from the editor's translations, a
 * general (allmänt) case of the chosen administration, masked in the diarium.
 */
function blankDocument(formId: string, administrationId: number): DefinitionDocument {
  const slug = db()
    .select({ slug: administration.slug })
    .from(administration)
    .where(eq(administration.id, administrationId))
    .get()?.slug;
  const key = (path: string) => `forms.${formId}.${path}`;
  const texts = (lang: "sv" | "en"): TextTree => {
    const t = getFixedT(lang, "editor");
    return {
      title: t("eservices.blank.title"),
      description: t("eservices.blank.description"),
      instructions: t("eservices.blank.instructions"),
      steps: { kontakt: { title: t("eservices.blank.contactStep") } },
      fields: { name: { label: t("eservices.blank.name") }, email: { label: t("eservices.blank.email") } },
    };
  };
  return {
    $schema: DOCUMENT_SCHEMA_PATH,
    format: 1,
    definition: {
      id: formId,
      version: 1,
      administration: ADMINISTRATION_SLUGS.find((a) => a === slug) ?? "kommunledning",
      offeredBy: "shared",
      caseType: "allmant",
      requiresLogin: false,
      sensitivity: "personal",
      diarium: "masked",
      titleKey: key("title"),
      descriptionKey: key("description"),
      instructionsKey: key("instructions"),
      processingDays: 30,
      steps: [
        {
          id: "kontakt",
          titleKey: key("steps.kontakt.title"),
          fields: [
            {
              type: "text",
              name: "name",
              labelKey: key("fields.name.label"),
              required: true,
              maxLength: 200,
              autocomplete: "name",
            },
            {
              type: "email",
              name: "email",
              labelKey: key("fields.email.label"),
              required: true,
              autocomplete: "email",
            },
          ],
        },
      ],
    },
    texts: { sv: texts("sv"), en: texts("en") },
    example: {},
  };
}

/**
 * The "new e-service" form: a form id, the administration, and either a copy of an existing
 * e-service (its published or latest version) or an imported JSON document. Errors by field.
 */
export function createFromForm(
  user: StaffUser,
  form: FormData,
): { formId: string } | { errors: DocumentErrors; value: Record<string, string> } {
  const str = (k: string) => String(form.get(k) ?? "").slice(0, 64 * 1024);
  const value = {
    formId: str("formId").trim().slice(0, 100),
    administrationId: str("administrationId"),
    copyOf: str("copyOf").slice(0, 100),
    document: str("document"),
  };
  let source: unknown;
  if (value.document.trim()) {
    source = parseJson(value.document);
    if (source === undefined) return { errors: { document: "notJson" }, value };
  } else if (value.copyOf === BLANK) {
    source = blankDocument(value.formId, Number(value.administrationId) || 0);
  } else if (value.copyOf) {
    source = getPublishedDocument(value.copyOf); // only what is published is shared
    if (!source) return { errors: { copyOf: "copyOf" }, value };
  } else return { errors: { document: "sourceMissing" }, value };
  try {
    return createEservice(user, {
      formId: value.formId,
      administrationId: Number(value.administrationId) || 0,
      document: source,
    });
  } catch (e) {
    if (e instanceof DesignerInputError) return { errors: e.errors, value };
    throw e;
  }
}

/** What the designer page shows: the draft (or, before one is started, the latest version) and the history. */
export function getDesignView(user: StaffUser, formId: string) {
  const rows = requireDesignableEservice(user, formId);
  const current = rows.find((r) => r.status === "draft") ?? rows[0]!;
  return {
    version: current.version,
    status: current.status,
    /** The owning municipality; null for a shared e-service of the portal-wide editors. */
    owner: rows[0]!.municipalityId,
    document: JSON.parse(current.document) as DefinitionDocument,
    versions: rows.map((r) => ({
      version: r.version,
      status: r.status,
      createdAt: r.createdAt,
      publishedAt: r.publishedAt,
    })),
  };
}

/** The draft version's document for a preview (read-only; never started by a preview). */
export function getPreviewDocument(user: StaffUser, formId: string): { version: number; document: DefinitionDocument } {
  const view = getDesignView(user, formId);
  return { version: view.version, document: view.document };
}

function setText(tree: TextTree, path: string[], text: string) {
  let node = tree;
  for (const part of path.slice(0, -1)) {
    const next = node[part];
    if (typeof next !== "object") node[part] = {};
    node = node[part] as TextTree;
  }
  node[path[path.length - 1]!] = text;
}

const FIELD_NAME = /^[a-z][a-zA-Z0-9]{0,59}$/;
const STEP_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The field types the adder offers (a group starts with one question, edited in its own form). */
export const SIMPLE_FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "date",
  "yesno",
  "email",
  "phone",
  "personnummer",
  "organisationsnummer",
  "address",
  "fastighetsbeteckning",
  "file",
  "choice",
  "multichoice",
  "group",
] as const;
type SimpleType = (typeof SIMPLE_FIELD_TYPES)[number];
/** What a question inside a group may be: no uploads, no nested groups (the engine's rule). */
export const GROUP_CHILD_TYPES = SIMPLE_FIELD_TYPES.filter((t) => t !== "file" && t !== "group");

function newField(
  id: string,
  form: (k: string) => string,
  errors: DocumentErrors,
  types: readonly SimpleType[] = SIMPLE_FIELD_TYPES,
) {
  const name = form("fieldName");
  const type = form("fieldType") as SimpleType;
  if (!FIELD_NAME.test(name)) errors.fieldName = "fieldName";
  if (!types.includes(type)) errors.fieldType = "fieldType";
  if (!form("fieldLabelSv")) errors.fieldLabelSv = "required";
  if (!form("fieldLabelEn")) errors.fieldLabelEn = "required";
  const field: Record<string, unknown> = {
    type,
    name,
    labelKey: `forms.${id}.fields.${name}.label`,
    required: form("fieldRequired") === "on",
  };
  if (form("fieldHintSv") || form("fieldHintEn")) field.hintKey = `forms.${id}.fields.${name}.hint`;
  if (type === "file") {
    const mb = Number(form("fileMaxMb") || "10");
    const files = Number(form("fileMaxFiles") || "3");
    const accept = form("fileAccept")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    if (!Number.isInteger(mb) || mb < 1 || mb > 50) errors.fileMaxMb = "fileMaxMb";
    if (!Number.isInteger(files) || files < 1 || files > 20) errors.fileMaxFiles = "fileMaxFiles";
    Object.assign(field, {
      maxBytes: mb * 1_000_000,
      maxFiles: files,
      accept: accept.length ? accept : ["application/pdf", "image/jpeg", "image/png"],
    });
  }
  if (type === "choice" || type === "multichoice") {
    // One choice per line, the same number in both languages; the value comes from the Swedish text.
    const lines = (k: string) =>
      form(k)
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    const sv = lines("choicesSv");
    const en = lines("choicesEn");
    if (sv.length < 2 || sv.length > 50) errors.choicesSv = "choices";
    else if (en.length !== sv.length) errors.choicesEn = "choicesCount";
    const values = sv.map(optionValue);
    if (new Set(values).size !== values.length || values.some((v) => !v)) errors.choicesSv ??= "choicesRepeat";
    field.options = values.map((value) => ({ value, labelKey: `forms.${id}.fields.${name}.options.${value}.label` }));
    if (type === "choice") field.display = form("choiceDisplay") === "select" ? "select" : "radio";
    field.choiceTexts = { sv, en };
  }
  if (type === "group") {
    // A group starts with one short-text question (texts from the editor's translations), its
    // own questions, limits and texts then edited in the group's form (decision 114).
    const max = Number(form("groupMax") || "10");
    if (!Number.isInteger(max) || max < 1 || max > GROUP_MAX_CEILING) errors.groupMax = "groupMax";
    const first = `${name.slice(0, 56)}Text`;
    Object.assign(field, {
      min: field.required ? 1 : 0,
      max,
      itemLabelKey: `forms.${id}.fields.${name}.item`,
      addLabelKey: `forms.${id}.fields.${name}.add`,
      fields: [
        { type: "text", name: first, labelKey: `forms.${id}.fields.${first}.label`, required: true, maxLength: 200 },
      ],
    });
  }
  if (type === "text") field.maxLength = 200;
  if (type === "textarea") field.maxLength = 4000;
  const when = form("showIfField");
  if (when) field.showIf = { field: when, equals: form("showIfEquals") === "true" ? true : form("showIfEquals") };
  return { field, name };
}

/**
 * One change made in the designer's form (no JavaScript needed: each button names its intent).
 * Returns the errors by field, or null when the draft was saved.
 */
export function applyDesignerForm(user: StaffUser, formId: string, form: FormData): DocumentErrors | null {
  const get = (k: string) => String(form.get(k) ?? "").slice(0, 64 * 1024);
  const intent = get("intent");
  if (intent === "publish") {
    try {
      publishDraft(user, formId);
      return null;
    } catch (e) {
      if (e instanceof DesignerInputError) return e.errors;
      throw e;
    }
  }
  const { document } = getDraftDocument(user, formId);
  const doc = structuredClone(document);
  const def = doc.definition as unknown as {
    steps: Array<{ id: string; titleKey: string; fields: unknown[] }>;
  } & Record<string, unknown>;
  const errors: DocumentErrors = {};
  const [verb, named = ""] = intent.split(":");
  // The "add a field" form names its step in a select; its inputs carry the prefix "f-".
  const arg = verb === "add-field" ? get("f-step") : named;
  const fieldInput = verb === "add-field" ? (k: string) => get(`f-${k}`) : get;
  const stepIndex = def.steps.findIndex((s) => s.id === arg);
  let next: unknown = doc;
  let offering: "keep" | "change" = "keep";
  if (verb === "texts") {
    for (const key of ["title", "description", "instructions", "receipt"] as const)
      for (const lang of ["sv", "en"] as const) {
        const text = get(`${key}${lang === "sv" ? "Sv" : "En"}`).trim();
        if (!text && key !== "receipt") errors[`${key}${lang === "sv" ? "Sv" : "En"}`] = "required";
        else if (text) setText(doc.texts[lang], [key], text);
      }
    def.requiresLogin = get("requiresLogin") === "on";
    const sensitivity = get("sensitivity");
    if (sensitivity) def.sensitivity = sensitivity;
    const days = Number(get("processingDays"));
    if (!Number.isInteger(days) || days < 1 || days > 365) errors.processingDays = "processingDays";
    else def.processingDays = days;
  } else if ((verb === "up" || verb === "down") && stepIndex >= 0) {
    const to = verb === "up" ? stepIndex - 1 : stepIndex + 1;
    if (to >= 0 && to < def.steps.length)
      [def.steps[stepIndex], def.steps[to]] = [def.steps[to]!, def.steps[stepIndex]!];
  } else if (verb === "remove" && stepIndex >= 0) {
    if (def.steps.length === 1) errors.steps = "lastStep";
    else def.steps.splice(stepIndex, 1);
  } else if (verb === "add-step") {
    const stepId = get("stepId").trim();
    if (!STEP_ID.test(stepId) || stepId.length > 60) errors.stepId = "stepId";
    else if (def.steps.some((s) => s.id === stepId)) errors.stepId = "taken";
    for (const lang of ["Sv", "En"] as const)
      if (!get(`stepTitle${lang}`).trim()) errors[`stepTitle${lang}`] = "required";
    const { field, name } = newField(formId, get, errors);
    if (!errors.fieldName && fieldNames(doc).has(name)) errors.fieldName = "taken";
    if (Object.keys(errors).length === 0) {
      def.steps.push({ id: stepId, titleKey: `forms.${formId}.steps.${stepId}.title`, fields: [field] });
      setText(doc.texts.sv, ["steps", stepId, "title"], get("stepTitleSv").trim());
      setText(doc.texts.en, ["steps", stepId, "title"], get("stepTitleEn").trim());
      setFieldTexts(doc, field, name, get);
    }
  } else if (verb === "add-field" && stepIndex >= 0) {
    const { field, name } = newField(formId, fieldInput, errors);
    if (!errors.fieldName && fieldNames(doc).has(name)) errors.fieldName = "taken";
    if (Object.keys(errors).length === 0) {
      def.steps[stepIndex]!.fields.push(field);
      setFieldTexts(doc, field, name, fieldInput);
    }
  } else if (verb === "handling") {
    applyHandling(doc, formId, get, errors);
    if (form.has("offering")) {
      applyOffering(doc, requireDesignableEservice(user, formId)[0]!.municipalityId, form, errors);
      offering = "change";
    }
  } else if (verb === "options") {
    applyOptions(doc, formId, named, intent.split(":").slice(2), get, errors);
  } else if (verb === "group") {
    applyGroup(doc, formId, named, intent.split(":").slice(2), get, errors);
  } else if (verb === "json") {
    next = parseJson(get("document"));
    if (next === undefined) errors.document = "notJson";
  } else errors.intent = "intent";
  if (Object.keys(errors).length > 0) return errors;
  try {
    saveDraftDocument(user, formId, next, offering);
    return null;
  } catch (e) {
    if (e instanceof DesignerInputError) return e.errors;
    throw e;
  }
}

function setFieldTexts(
  doc: DefinitionDocument,
  field: Record<string, unknown>,
  name: string,
  get: (k: string) => string,
) {
  const choiceTexts = field.choiceTexts as { sv: string[]; en: string[] } | undefined;
  delete field.choiceTexts;
  for (const lang of ["sv", "en"] as const) {
    const suffix = lang === "sv" ? "Sv" : "En";
    setText(doc.texts[lang], ["fields", name, "label"], get(`fieldLabel${suffix}`).trim());
    const hint = get(`fieldHint${suffix}`).trim();
    if (hint) setText(doc.texts[lang], ["fields", name, "hint"], hint);
    (field.options as Array<{ value: string }> | undefined)?.forEach((o, i) =>
      setText(doc.texts[lang], ["fields", name, "options", o.value, "label"], choiceTexts![lang][i]!),
    );
    if (field.type === "group") {
      const t = getFixedT(lang, "editor");
      const label = get(`fieldLabel${suffix}`).trim();
      setText(
        doc.texts[lang],
        ["fields", name, "item"],
        t("eservices.group.itemDefault", { label, number: "{{number}}", interpolation: { escapeValue: false } }),
      );
      setText(doc.texts[lang], ["fields", name, "add"], t("eservices.group.addDefault"));
      const first = (field.fields as Array<{ name: string }>)[0]!.name;
      setText(doc.texts[lang], ["fields", first, "label"], t("eservices.group.firstDefault"));
    }
  }
}

/** Every question name in the document, those inside groups too (names are unique form-wide). */
function fieldNames(doc: DefinitionDocument): Set<string> {
  return new Set(
    doc.definition.steps.flatMap((s) =>
      s.fields.flatMap((f) => [f.name, ...(f.type === "group" ? f.fields.map((c) => c.name) : [])]),
    ),
  );
}

/**
 * One repeating group's form, without JavaScript (decision 114): every button posts the group's
 * limits and texts and each question's texts and "required" (saved first), then moves
 * (`up`/`down`) or removes a question by index (one stays), or `add`s a new question from the
 * adder inside the form (inputs prefixed `g-<group>-`). Field-level codes; the checker decides.
 */
function applyGroup(
  doc: DefinitionDocument,
  formId: string,
  groupName: string,
  [op = "save", index = ""]: string[],
  get: (k: string) => string,
  errors: DocumentErrors,
) {
  const group = doc.definition.steps.flatMap((s) => s.fields).find((f) => f.name === groupName);
  if (!group || group.type !== "group") {
    errors.intent = "intent";
    return;
  }
  const id = (k: string) => `g-${groupName}-${k}`;
  const min = Number(get(id("min")));
  const max = Number(get(id("max")));
  if (!Number.isInteger(max) || max < 1 || max > GROUP_MAX_CEILING) errors[id("max")] = "groupMax";
  else group.max = max;
  if (!Number.isInteger(min) || min < 0 || min > group.max) errors[id("min")] = "groupMin";
  else if (group.required && min === 0) errors[id("min")] = "groupMinRequired";
  else group.min = min;
  for (const lang of ["Sv", "En"] as const) {
    const tree = doc.texts[lang === "Sv" ? "sv" : "en"];
    for (const key of ["item", "add"] as const) {
      const text = get(id(`${key}${lang}`)).trim();
      if (!text) errors[id(`${key}${lang}`)] = "required";
      else setText(tree, ["fields", groupName, key], text);
    }
    group.fields.forEach((child, i) => {
      const text = get(id(`q-${i}-${lang}`)).trim();
      if (!text) errors[id(`q-${i}-${lang}`)] = "required";
      else setText(tree, ["fields", child.name, "label"], text);
    });
  }
  group.fields.forEach((child, i) => {
    child.required = get(id(`q-${i}-required`)) === "on";
    // The condition, as for a new question (decision 123): none when the question's name is left empty.
    const when = get(id(`q-${i}-showIfField`)).trim();
    if (when) child.showIf = { field: when, equals: conditionEquals(get(id(`q-${i}-showIfEquals`))) };
    else delete child.showIf;
  });
  const i = Number(index);
  const children = group.fields;
  if ((op === "up" || op === "down") && Number.isInteger(i) && children[i]) {
    const to = op === "up" ? i - 1 : i + 1;
    if (children[to]) [children[i], children[to]] = [children[to]!, children[i]!];
  } else if (op === "remove" && Number.isInteger(i) && children[i]) {
    if (children.length <= 1) errors[id("questions")] = "groupLastQuestion";
    else children.splice(i, 1);
  } else if (op === "add") {
    const input = (k: string) => get(id(k));
    const { field, name } = newField(formId, input, errors, GROUP_CHILD_TYPES);
    if (!errors.fieldName && fieldNames(doc).has(name)) errors.fieldName = "taken";
    if (Object.keys(errors).length === 0) {
      children.push(field as unknown as (typeof children)[number]);
      setFieldTexts(doc, field, name, input);
    }
  } else if (op !== "save") errors.intent = "intent";
}

/** A condition's answer as the designer writes it: "true" (a yes/no question), one choice's value, or several separated by commas. */
function conditionEquals(text: string): string | string[] | boolean {
  const t = text.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (!t.includes(",")) return t;
  return t
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
}

/** A choice's stored value from its Swedish text: kebab-case, å/ä → a, ö → o, at most 60 characters. */
function optionValue(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[åä]/g, "a")
    .replace(/ö/g, "o")
    .replace(/é/g, "e")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  // The cut may end in a dash (runs are single by now); trimmed by hand, not with /-+$/,
  // which backtracks on long runs of dashes.
  return slug.endsWith("-") ? slug.slice(0, -1) : slug;
}

const DIARIUM_NAME = /\{\{([a-zA-Z0-9]+)\}\}/g;

/** The questions a diarium subject may name: a choice or a short text, never a sensitive one. */
export function subjectCandidates(def: FormDefinition): Array<{ name: string; labelKey: string }> {
  return def.steps.flatMap((s) =>
    s.fields
      .filter((f) => (f.type === "choice" || f.type === "text") && !f.sensitive)
      .map((f) => ({ name: f.name, labelKey: f.labelKey })),
  );
}

/**
 * Handling and diarium from the designer's form: the administration and case area the cases go
 * to, e-ID required, and what the public diarium shows (masked, secret, or a subject made from a
 * template and answers chosen from the safe list). Field-level errors; the checker then decides.
 */
function applyHandling(doc: DefinitionDocument, formId: string, get: (k: string) => string, errors: DocumentErrors) {
  const def = doc.definition as FormDefinition;
  const administrationSlug = ADMINISTRATION_SLUGS.find((a) => a === get("administration"));
  if (!administrationSlug) errors.administration = "administration";
  else def.administration = administrationSlug;
  const area = AREAS.find((a) => a === get("caseType"));
  if (!area) errors.caseType = "caseType";
  else def.caseType = area;
  if (get("requiresEid") === "on") def.requiresEid = true;
  else delete def.requiresEid;
  const mode = get("diarium");
  if (mode === "masked" || mode === "secret") def.diarium = mode;
  else if (mode === "subject") {
    const allowed = new Set(subjectCandidates(def).map((c) => c.name));
    const answers = get("diariumAnswers")
      .split(",")
      .map((a) => a.trim())
      .filter(Boolean);
    if (answers.length === 0 || answers.some((a) => !allowed.has(a))) errors.diariumAnswers = "diariumAnswers";
    for (const lang of ["Sv", "En"] as const) {
      const template = get(`diariumTemplate${lang}`).trim();
      const named = [...template.matchAll(DIARIUM_NAME)].map((m) => m[1]!);
      if (!template) errors[`diariumTemplate${lang}`] = "required";
      else if (named.length !== answers.length || answers.some((a) => !named.includes(a)))
        errors[`diariumTemplate${lang}`] = "diariumTemplate";
    }
    if (Object.keys(errors).length === 0) {
      def.diarium = { subject: { template: `forms.${formId}.diarium.subject`, answers } };
      setText(doc.texts.sv, ["diarium", "subject"], get("diariumTemplateSv").trim());
      setText(doc.texts.en, ["diarium", "subject"], get("diariumTemplateEn").trim());
    }
  } else errors.diarium = "diarium";
}

/**
 * Who offers the e-service (decision 114): every municipality ("shared", also those added
 * later) or the ones ticked (samverkan). An e-service owned by a municipality keeps that
 * municipality among them and may not be made shared (that is the portal-wide editors' kind,
 * decision 075); a shared one (no owner) may be narrowed to a list.
 */
function applyOffering(doc: DefinitionDocument, owner: number | null, form: FormData, errors: DocumentErrors) {
  const all = listMunicipalities();
  if (form.get("offering") === "shared") {
    if (owner !== null) errors.offering = "offeringShared";
    else doc.definition.offeredBy = "shared";
    return;
  }
  const ticked = form.getAll("offeredBy").map(String);
  const chosen = all.filter((m) => ticked.includes(m.slug));
  if (form.get("offering") !== "list" || chosen.length === 0 || chosen.length !== ticked.length)
    errors.offeredBy = "offeredBy";
  else if (owner !== null && !chosen.some((m) => m.id === owner)) errors.offeredBy = "offeredByOwner";
  else doc.definition.offeredBy = chosen.map((m) => m.slug).sort() as FormDefinition["offeredBy"];
}

type DocumentField = DefinitionDocument["definition"]["steps"][number]["fields"][number];
type DocumentGroupChild = Extract<DocumentField, { type: "group" }>["fields"][number];

/**
 * The choices of one choice or multichoice question, without JavaScript: every button of the
 * form posts all the texts (saved first), then `up`/`down`/`remove` with the choice's index, or
 * `add` with a new choice's texts.
 */
function applyOptions(
  doc: DefinitionDocument,
  formId: string,
  fieldName: string,
  [op = "save", index = ""]: string[],
  get: (k: string) => string,
  errors: DocumentErrors,
) {
  // A group's questions have their choices edited here too (decision 123).
  const field = doc.definition.steps
    .flatMap((s) => s.fields)
    .flatMap((f): Array<DocumentField | DocumentGroupChild> => (f.type === "group" ? [f, ...f.fields] : [f]))
    .find((f) => f.name === fieldName);
  if (!field || !(field.type === "multichoice" || (field.type === "choice" && !field.optionList))) {
    errors.intent = "intent";
    return;
  }
  const options = field.options;
  options.forEach((o, i) => {
    for (const lang of ["Sv", "En"] as const) {
      const text = get(`c-${fieldName}-opt-${i}-${lang}`).trim();
      if (!text) errors[`c-${fieldName}-opt-${i}-${lang}`] = "required";
      else setText(doc.texts[lang === "Sv" ? "sv" : "en"], ["fields", fieldName, "options", o.value, "label"], text);
    }
  });
  const i = Number(index);
  if ((op === "up" || op === "down") && Number.isInteger(i) && options[i]) {
    const to = op === "up" ? i - 1 : i + 1;
    if (options[to]) [options[i], options[to]] = [options[to]!, options[i]!];
  } else if (op === "remove" && Number.isInteger(i) && options[i]) {
    if (options.length <= 2) errors.options = "fewOptions";
    else options.splice(i, 1);
  } else if (op === "add") {
    const [svKey, enKey] = [`c-${fieldName}-new-Sv`, `c-${fieldName}-new-En`];
    const sv = get(svKey).trim();
    const en = get(enKey).trim();
    const value = optionValue(sv);
    if (!sv || !value) errors[svKey] = "required";
    else if (options.some((o) => o.value === value)) errors[svKey] = "choicesRepeat";
    if (!en) errors[enKey] = "required";
    if (!errors[svKey] && !errors[enKey]) {
      options.push({ value, labelKey: `forms.${formId}.fields.${fieldName}.options.${value}.label` });
      setText(doc.texts.sv, ["fields", fieldName, "options", value, "label"], sv);
      setText(doc.texts.en, ["fields", fieldName, "options", value, "label"], en);
    }
  } else if (op !== "save") errors.intent = "intent";
}

// ---- Versions: what changed, and restoring an old one (decision 086) ------------------------

type Translator = (key: string, options?: Record<string, unknown>) => string;

/**
 * A document as lines a person reads (texts, settings, steps, questions, choices), keyed so
 * that the same thing in two versions has the same key; `label` says what it is.
 */
function readableLines(doc: DefinitionDocument, t: Translator): Map<string, { label: string; text: string }> {
  const lines = new Map<string, { label: string; text: string }>();
  const add = (key: string, label: string, text: string) => {
    if (text) lines.set(key, { label, text });
  };
  const short = { sv: t("lang.short.sv"), en: t("lang.short.en") };
  const both = (key: string, label: string, path: string[]) => {
    for (const lang of ["sv", "en"] as const)
      add(`${key}.${lang}`, `${label} (${short[lang]})`, lookup(doc.texts[lang], path) ?? "");
  };
  const textPath = (k: string | undefined) =>
    k?.startsWith(`forms.${doc.definition.id}.`) ? k.slice(`forms.${doc.definition.id}.`.length).split(".") : [];
  const names = {
    title: t("eservices.fields.title"),
    description: t("eservices.fields.description"),
    instructions: t("eservices.fields.instructions"),
    receipt: t("eservices.fields.receipt"),
  };
  for (const k of ["title", "description", "instructions", "receipt"] as const) both(`texts.${k}`, names[k], [k]);
  const def = doc.definition;
  const settings: Record<string, unknown> = {
    administration: def.administration,
    offeredBy: def.offeredBy,
    caseType: def.caseType,
    requiresLogin: def.requiresLogin,
    requiresEid: def.requiresEid === true,
    sensitivity: def.sensitivity,
    diarium: def.diarium,
    processingDays: def.processingDays,
  };
  for (const [k, v] of Object.entries(settings))
    add(`settings.${k}`, t("eservices.diff.setting", { name: k }), typeof v === "string" ? v : JSON.stringify(v));
  add("steps", t("eservices.diff.stepOrder"), def.steps.map((s) => s.id).join(", "));
  for (const step of def.steps) {
    both(`step.${step.id}.title`, t("eservices.diff.stepTitle", { step: step.id }), textPath(step.titleKey));
    // A group's questions are lines of their own (marked with the group), its order a setting.
    const fields = step.fields.flatMap((f): Array<Field | (GroupChildField & { group: string })> =>
      f.type === "group" ? [f, ...f.fields.map((c) => ({ ...c, group: f.name }))] : [f],
    );
    for (const field of fields) {
      const { labelKey, hintKey, name, ...rest } = field as unknown as Record<string, unknown> & { name: string };
      const options = (rest.options as Array<{ value: string; labelKey: string }> | undefined) ?? [];
      delete rest.options;
      if (field.type === "group") {
        rest.fields = field.fields.map((c) => c.name).join(", ");
        delete rest.itemLabelKey;
        delete rest.addLabelKey;
        both(`field.${name}.item`, t("eservices.diff.groupItem", { field: name }), textPath(field.itemLabelKey));
        both(`field.${name}.add`, t("eservices.diff.groupAdd", { field: name }), textPath(field.addLabelKey));
      }
      const what = Object.entries({ step: step.id, ...rest })
        .map(([k, v]) => `${k}: ${typeof v === "string" ? v : JSON.stringify(v)}`)
        .join("; ");
      add(`field.${name}`, t("eservices.diff.field", { field: name }), what);
      both(`field.${name}.label`, t("eservices.diff.fieldLabel", { field: name }), textPath(labelKey as string));
      if (hintKey)
        both(`field.${name}.hint`, t("eservices.diff.fieldHint", { field: name }), textPath(hintKey as string));
      if (options.length) {
        add(
          `field.${name}.options`,
          t("eservices.diff.options", { field: name }),
          options.map((o) => o.value).join(", "),
        );
        for (const o of options)
          both(
            `field.${name}.option.${o.value}`,
            t("eservices.diff.option", { field: name, option: o.value }),
            textPath(o.labelKey),
          );
      }
    }
  }
  return lines;
}

export interface VersionChange {
  key: string;
  label: string;
  parts: Array<{ kind: "same" | "added" | "removed"; text: string }>;
}

/** What changed from one document to another, line by line, word by word. */
export function diffDocuments(from: DefinitionDocument, to: DefinitionDocument, t: Translator): VersionChange[] {
  const a = readableLines(from, t);
  const b = readableLines(to, t);
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys
    .filter((k) => (a.get(k)?.text ?? "") !== (b.get(k)?.text ?? ""))
    .map((key) => ({
      key,
      label: (b.get(key) ?? a.get(key))!.label,
      parts: diffWords(a.get(key)?.text ?? "", b.get(key)?.text ?? "").map((c) => ({
        kind: c.added ? ("added" as const) : c.removed ? ("removed" as const) : ("same" as const),
        text: c.value,
      })),
    }));
}

/**
 * The changes a version made: from the version before it (the one with the next lower
 * number) to it. Undefined for an unknown version; an empty "from" for the first version.
 */
export function versionChanges(user: StaffUser, formId: string, version: number, t: Translator) {
  const rows = requireDesignableEservice(user, formId);
  const index = rows.findIndex((r) => r.version === version);
  if (index < 0) return undefined;
  const to = JSON.parse(rows[index]!.document) as DefinitionDocument;
  const previous = rows[index + 1];
  if (!previous) return { from: null, changes: [] };
  return {
    from: previous.version,
    changes: diffDocuments(JSON.parse(previous.document) as DefinitionDocument, to, t),
  };
}

/** A document's content apart from its version number (the draft's own number differs). */
function content(document: string): string {
  const doc = JSON.parse(document) as DefinitionDocument;
  return JSON.stringify({ ...doc, definition: { ...doc.definition, version: 0 } });
}

/**
 * Whether restoring `version` would lose work in the open draft: there is a draft, and it is
 * neither an untouched copy of the newest version before it nor already a copy of `version`.
 */
function restoreLosesDraftWork(rows: EserviceDefinitionRow[], version: number): boolean {
  const draft = rows.find((r) => r.status === "draft");
  if (!draft) return false;
  const newest = rows.find((r) => r.status !== "draft");
  const restored = rows.find((r) => r.version === version);
  const mine = content(draft.document);
  return mine !== (newest && content(newest.document)) && mine !== (restored && content(restored.document));
}

/**
 * Makes the draft a copy of an old version (a draft is started when there is none; the draft's
 * own number stays). Checked like every change, audited as `eservice.restored`. When the open
 * draft holds unpublished work that the restore would overwrite, nothing changes until the
 * designer confirms (`confirmed`; decision 114): `{ confirm: "draftChanged" }` otherwise.
 */
export function restoreVersion(
  user: StaffUser,
  formId: string,
  version: number,
  confirmed = false,
): { draftVersion: number } {
  const rows = requireDesignableEservice(user, formId);
  const old = rows.find((r) => r.version === version && r.status !== "draft");
  if (!old) throw new DesignerInputError({ version: "version" });
  if (!confirmed && restoreLosesDraftWork(rows, version)) throw new DesignerInputError({ confirm: "draftChanged" });
  const doc = saveDraftDocument(user, formId, JSON.parse(old.document));
  audit({
    actor: user,
    action: "eservice.restored",
    subjectType: "eservice_definition",
    subjectId: formId,
    ...(old.municipalityId === null ? {} : { municipalityId: old.municipalityId }),
    details: { from: version, draftVersion: doc.definition.version },
  });
  return { draftVersion: doc.definition.version };
}
