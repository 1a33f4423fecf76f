import { and, asc, eq, max } from "drizzle-orm";
import {
  administration,
  contentVersion,
  municipality,
  page,
  service,
  serviceMunicipality,
} from "../../db/schema/index";
import { snapshotOf, writeVersion, type Snapshot } from "../../db/content-versions";
import { CATEGORY_SLUGS } from "../../db/seed/content/types";
import { canStaff } from "~/auth/guards.server";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { env } from "~/env.server";
import type { Language } from "~/i18n/config";
import { analyse, type PlainLanguageReport } from "~/utils/plain-language";
import { audit } from "~/platform/audit.server";
import { getServicePreview, previewNewsView, previewPageView } from "./catalogue.server";
import { reindexItem } from "./search.server";
import { isOverdue, swedishToday, visibilityOf, type Visibility } from "./visibility.server";
import {
  BILINGUAL_FIELDS,
  editableColumns,
  PLAIN_FIELDS,
  SEGMENT_OF,
  VARIANT_FIELDS,
  VARIANT_PLAIN_FIELDS,
  type ContentType,
  type EditorErrors,
  type FormValues,
} from "./editor-fields";
import {
  PENDING_ACTIONS,
  accessTo,
  forbidden,
  isPortalWide,
  requireItem,
  tableOf,
  thenInvalidate,
  usernameOf,
  workingCopy,
  type Row,
} from "./editor-access.server";
import { SLUG, parseItemForm } from "./editor-form";
import { applyLinks, currentLinks, linksIn, type ServiceLinks } from "./editor-links.server";

/**
 * Publishing for administrations (/redaktor). Every function takes the signed-in staff user and
 * checks scope itself (STYLE.md), so a route cannot forget to:
 *
 * - A page or news item belongs to its municipality × administration; an editor with that scope
 *   may open it (an item without administration: any editor of the municipality).
 * - A service's common texts: portal-wide editors for shared services; for a service offered by
 *   some municipalities, an editor of the service's administration in one of them (co-owners).
 * - A service's municipal variant (fee, processing time, contact, local rules): that
 *   municipality's editor of the administration, or a portal-wide editor.
 * - "content.edit" saves drafts; "content.publish" publishes, unpublishes, schedules and saves
 *   variants (they go live at once, see docs/decisions/055).
 *
 * A published item's row is what residents see. Editing it stores a pending draft as a version
 * (action "draft"), which publishing applies; unpublished items and drafts are edited in place.
 * Unknown items answer 404, out-of-scope ones 403.
 */

// ------------------------------------------------------------------ start page

export interface EditorListItem {
  type: ContentType;
  id: number;
  url: string;
  title: string;
  place: string;
  visibility: Visibility;
  owner: string;
  reviewBy: string;
  overdue: boolean;
  pendingDraft: boolean;
  /** Only this user's municipal variant is theirs (a shared service). */
  variantOnly: boolean;
}

function pendingIds(type: ContentType): Set<number> {
  // Latest version per item; pending when its action is a draft.
  const rows = db()
    .select({ id: contentVersion.contentId, version: contentVersion.version, action: contentVersion.action })
    .from(contentVersion)
    .where(eq(contentVersion.contentType, type))
    .orderBy(asc(contentVersion.contentId), asc(contentVersion.version))
    .all();
  const latest = new Map<number, string>();
  for (const r of rows) latest.set(r.id, r.action);
  return new Set([...latest].filter(([, a]) => PENDING_ACTIONS.has(a)).map(([id]) => id));
}

/** My items, overdue review-by dates first (oldest first), then by title. */
export function listMyItems(
  user: StaffUser,
  { now = new Date(), graceDays = env().CONTENT_REVIEW_GRACE_DAYS }: { now?: Date; graceDays?: number } = {},
): EditorListItem[] {
  const names = new Map(
    db()
      .select({ id: municipality.id, name: municipality.name })
      .from(municipality)
      .all()
      .map((m) => [m.id, m.name]),
  );
  const out: EditorListItem[] = [];
  for (const type of ["service", "page", "news"] as const) {
    const pending = pendingIds(type);
    for (const row of db().select().from(tableOf(type)).all() as Row[]) {
      const access = accessTo(user, "content.edit", type, row);
      if (!access.main && access.variants.length === 0) continue;
      out.push({
        type,
        id: row.id,
        url: `/redaktor/${SEGMENT_OF[type]}/${row.id}`,
        title: String(row.titleSv),
        place:
          type === "service"
            ? row.shared
              ? "*"
              : access.variants.map((id) => names.get(id) ?? "").join(", ")
            : (names.get(row.municipalityId as number) ?? ""),
        visibility: visibilityOf(row, now, graceDays),
        owner: row.owner,
        reviewBy: row.reviewBy,
        overdue: isOverdue(row, now),
        pendingDraft: pending.has(row.id),
        variantOnly: !access.main,
      });
    }
  }
  const collator = new Intl.Collator("sv");
  return out.sort((a, b) =>
    a.overdue !== b.overdue
      ? a.overdue
        ? -1
        : 1
      : a.overdue
        ? a.reviewBy.localeCompare(b.reviewBy)
        : collator.compare(a.title, b.title),
  );
}

function toFormValues(type: ContentType, values: Snapshot): FormValues {
  const out: FormValues = {};
  for (const c of editableColumns(type)) out[c] = values[c] == null ? "" : String(values[c]);
  return out;
}

export interface VariantForm {
  municipalityId: number;
  municipality: string;
  slug: string;
  values: FormValues;
  /** Variants go live at once: saving one needs the publish right. */
  canSave: boolean;
}

export function getItemForEdit(
  user: StaffUser,
  type: ContentType,
  id: number,
  { now = new Date(), graceDays = env().CONTENT_REVIEW_GRACE_DAYS } = {},
) {
  const { row, access } = requireItem(user, type, id);
  const { values, pending } = workingCopy(type, row);
  const publishAccess = accessTo(user, "content.publish", type, row);
  const canPublish = publishAccess.main;
  let variants: VariantForm[] = [];
  if (type === "service") {
    variants = db()
      .select({ v: serviceMunicipality, m: municipality })
      .from(serviceMunicipality)
      .innerJoin(municipality, eq(municipality.id, serviceMunicipality.municipalityId))
      .where(eq(serviceMunicipality.serviceId, id))
      .orderBy(asc(municipality.name))
      .all()
      .filter(({ m }) => access.variants.includes(m.id))
      .map(({ v, m }) => ({
        municipalityId: m.id,
        municipality: m.name,
        slug: m.slug,
        values: variantValues(v as unknown as Snapshot),
        canSave: publishAccess.variants.includes(m.id),
      }));
  }
  return {
    id: row.id,
    type,
    title: String(values.titleSv),
    publicUrl: publicUrlOf(type, row),
    status: row.status,
    visibility: visibilityOf(row, now, graceDays),
    publishAt: row.publishAt,
    unpublishAt: row.unpublishAt,
    shared: Boolean(row.shared),
    /** Whose staff may own the text: the page's or news item's municipality; null for a service. */
    municipalityId: type === "service" ? null : (row.municipalityId as number),
    pending,
    canEditMain: access.main,
    canPublish,
    values: toFormValues(type, values),
    links: type === "service" ? (linksIn(values) ?? currentLinks(row.id)) : null,
    variants,
  };
}

function variantValues(v: Snapshot): FormValues {
  const out: FormValues = {};
  for (const f of VARIANT_FIELDS) {
    out[`${f.name}Sv`] = v[`${f.name}Sv`] == null ? "" : String(v[`${f.name}Sv`]);
    out[`${f.name}En`] = v[`${f.name}En`] == null ? "" : String(v[`${f.name}En`]);
  }
  for (const f of VARIANT_PLAIN_FIELDS) out[f.name] = v[f.name] == null ? "" : String(v[f.name]);
  return out;
}

function publicUrlOf(type: ContentType, row: Row): string {
  if (type === "service") return `/tjanster/${String(row.slug)}`;
  const m =
    db()
      .select({ slug: municipality.slug })
      .from(municipality)
      .where(eq(municipality.id, row.municipalityId as number))
      .get()?.slug ?? "";
  if (type === "news") return `/${m}/nyheter/${String(row.slug)}`;
  return `/${m}/${row.kind === "activity" ? "verksamheter" : "sidor"}/${String(row.slug)}`;
}

// ------------------------------------------------------------------ writing

function nextVersion(type: ContentType, id: number): number {
  const last = db()
    .select({ v: max(contentVersion.version) })
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .get();
  return (last?.v ?? 0) + 1;
}

function toColumns(type: ContentType, values: FormValues | Snapshot): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  const optional = new Set([
    ...BILINGUAL_FIELDS[type].flatMap((f) => (f.optional ? [`${f.name}Sv`, `${f.name}En`] : [`${f.name}En`])),
    ...PLAIN_FIELDS[type].map((f) => f.name).filter((n) => n !== "keywords"),
  ]);
  for (const c of editableColumns(type)) {
    if (!(c in values)) continue;
    const v = values[c] == null ? "" : String(values[c]);
    // An empty English text is null: the public page falls back to Swedish with a note.
    out[c] = v === "" && optional.has(c) ? null : v;
  }
  return out;
}

/**
 * Saves the editor's texts. A published item keeps what residents see and gets a pending draft;
 * anything else is changed in place. Either way a version records who and when.
 */
function saveItemInner(
  user: StaffUser,
  type: ContentType,
  id: number,
  values: FormValues | Snapshot,
  how: "edit" | "restore" = "edit",
  links?: ServiceLinks,
) {
  const { row } = requireItem(user, type, id, "main");
  const by = usernameOf(user);
  const at = new Date().toISOString();
  const columns = toColumns(type, values);
  const table = tableOf(type);
  db().transaction((tx) => {
    if (row.status === "published") {
      const base = workingCopy(type, row).values;
      const pendingLinks = type === "service" ? linksIn(base) : undefined;
      const snapshot = {
        ...snapshotOf(db(), type, id),
        ...pendingLinks,
        ...pickEditable(type, base),
        ...columns,
        ...(type === "service" && links ? links : {}),
      };
      tx.insert(contentVersion)
        .values({
          contentType: type,
          contentId: id,
          version: nextVersion(type, id),
          snapshot,
          action: how === "restore" ? "restored-draft" : "draft",
          createdBy: by,
          createdAt: at,
        })
        .run();
      // Marks the row as the editors' (the seed then leaves it and its history alone).
      tx.update(table).set({ updatedBy: by }).where(eq(table.id, id)).run();
    } else {
      tx.update(table)
        .set({ ...columns, updatedBy: by, updatedAt: at })
        .where(eq(table.id, id))
        .run();
      if (type === "service" && links) applyLinks(tx, id, links);
      writeVersion(db(), type, id, how === "restore" ? "restored" : "edited", by, at);
    }
  });
  reindexItem(type, id);
  audit({
    actor: user,
    action: how === "restore" ? "content.restored" : "content.edited",
    subjectType: type,
    subjectId: id,
    municipalityId: (row.municipalityId as number | undefined) ?? undefined,
    details: { draft: row.status === "published" },
  });
  return { pending: row.status === "published" };
}

export function pickEditable(type: ContentType, values: Snapshot): Snapshot {
  const out: Snapshot = {};
  for (const c of editableColumns(type)) if (c in values) out[c] = values[c];
  return out;
}

/** Publishes the working copy now or at `publishAt`, optionally expiring at `unpublishAt`. */
function publishItemInner(
  user: StaffUser,
  type: ContentType,
  id: number,
  schedule: { publishAt: string | null; unpublishAt: string | null },
) {
  const { row } = requireItem(user, type, id, "publish");
  const by = usernameOf(user);
  const at = new Date().toISOString();
  const { values } = workingCopy(type, row);
  const table = tableOf(type);
  const scheduled = Boolean(schedule.publishAt && schedule.publishAt > at);
  db().transaction((tx) => {
    tx.update(table)
      .set({
        ...toColumns(type, pickEditable(type, values)),
        status: "published",
        publishAt: schedule.publishAt,
        unpublishAt: schedule.unpublishAt,
        // Publishing is the editor's word that the text is correct today.
        reviewedAt: swedishToday(),
        updatedBy: by,
        updatedAt: at,
      })
      .where(eq(table.id, id))
      .run();
    const links = type === "service" ? linksIn(values) : undefined;
    if (links) applyLinks(tx, id, links);
    writeVersion(db(), type, id, scheduled ? "scheduled" : "published", by, at);
  });
  reindexItem(type, id);
  audit({
    actor: user,
    action: scheduled ? "content.scheduled" : "content.published",
    subjectType: type,
    subjectId: id,
    municipalityId: (row.municipalityId as number | undefined) ?? undefined,
    details: schedule,
  });
  return { scheduled };
}

function unpublishItemInner(user: StaffUser, type: ContentType, id: number) {
  const { row } = requireItem(user, type, id, "publish");
  const by = usernameOf(user);
  const at = new Date().toISOString();
  const { values } = workingCopy(type, row);
  const table = tableOf(type);
  db().transaction((tx) => {
    tx.update(table)
      .set({ ...toColumns(type, pickEditable(type, values)), status: "unpublished", updatedBy: by, updatedAt: at })
      .where(eq(table.id, id))
      .run();
    const links = type === "service" ? linksIn(values) : undefined;
    if (links) applyLinks(tx, id, links);
    writeVersion(db(), type, id, "unpublished", by, at);
  });
  reindexItem(type, id);
  audit({
    actor: user,
    action: "content.unpublished",
    subjectType: type,
    subjectId: id,
    municipalityId: (row.municipalityId as number | undefined) ?? undefined,
  });
}

/** A municipality's differences for a service: go live at once (publish right needed). */
function saveVariantInner(user: StaffUser, serviceId: number, municipalityId: number, values: FormValues) {
  const { row } = requireItem(user, "service", serviceId);
  if (!accessTo(user, "content.publish", "service", row).variants.includes(municipalityId)) forbidden("publish");
  const by = usernameOf(user);
  const set: Record<string, string | null> = {};
  for (const f of VARIANT_FIELDS) for (const l of ["Sv", "En"]) set[`${f.name}${l}`] = values[`${f.name}${l}`] || null;
  for (const f of VARIANT_PLAIN_FIELDS) set[f.name] = values[f.name] || null;
  db().transaction((tx) => {
    tx.update(serviceMunicipality)
      .set(set)
      .where(and(eq(serviceMunicipality.serviceId, serviceId), eq(serviceMunicipality.municipalityId, municipalityId)))
      .run();
    tx.update(service)
      .set({ updatedBy: by, updatedAt: new Date().toISOString() })
      .where(eq(service.id, serviceId))
      .run();
    // Keep a pending draft on top: the variant change goes into the history just before it.
    writeVersion(db(), "service", serviceId, "variant-edited", by);
  });
  reindexItem("service", serviceId);
  audit({
    actor: user,
    action: "content.variant_edited",
    subjectType: "service",
    subjectId: serviceId,
    municipalityId,
  });
}

// ------------------------------------------------------------------ creating

export interface ScopeOption {
  value: string;
  label: string;
}

/** Where the user may create items: "municipalityId:administrationId", and "shared" for services. */
export function creationScopes(user: StaffUser, type: ContentType, lang: Language): ScopeOption[] {
  const portal = isPortalWide(user);
  const rows = db()
    .select({ a: administration, m: municipality })
    .from(administration)
    .innerJoin(municipality, eq(municipality.id, administration.municipalityId))
    .orderBy(asc(municipality.name), asc(administration.nameSv))
    .all()
    .filter(({ a, m }) => canStaff(user, "content.edit", { municipalityId: m.id, administrationId: a.id }));
  const options = rows.map(({ a, m }) => ({
    value: `${m.id}:${a.id}`,
    label: `${m.name} – ${lang === "en" ? a.nameEn : a.nameSv}`,
  }));
  return type === "service" && portal ? [{ value: "shared", label: "*" }, ...options] : options;
}

export function parseCreateForm(user: StaffUser, type: ContentType, form: FormData) {
  const { values, errors } = parseItemForm(type, form);
  const read = (n: string) => {
    const v = form.get(n);
    return typeof v === "string" ? v.trim() : "";
  };
  values.slug = read("slug");
  if (!SLUG.test(values.slug) || values.slug.length > 80) errors.slug = "errors.slug";
  values.scope = read("scope");
  if (!creationScopes(user, type, "sv").some((o) => o.value === values.scope)) errors.scope = "errors.scope";
  if (type === "service") {
    values.category = read("category");
    if (!(CATEGORY_SLUGS as readonly string[]).includes(values.category)) errors.category = "errors.category";
  }
  if (type === "page") {
    values.kind = read("kind");
    if (values.kind !== "page" && values.kind !== "activity") errors.kind = "errors.kind";
  }
  return { values, errors };
}

/** Creates a draft (never visible until published). Returns its id, or a field error. */
export function createItem(
  user: StaffUser,
  type: ContentType,
  values: FormValues,
): { id: number } | { errors: EditorErrors } {
  const option = creationScopes(user, type, "sv").find((o) => o.value === values.scope);
  if (!option) forbidden();
  const by = usernameOf(user);
  const today = swedishToday();
  const columns = {
    ...toColumns(type, values),
    slug: values.slug,
    status: "draft" as const,
    reviewedAt: today,
    updatedBy: by,
    owner: values.owner,
    reviewBy: values.reviewBy,
  };
  const scope = values.scope ?? "";
  const [m, a] = scope === "shared" ? [null, null] : scope.split(":").map(Number);
  try {
    const id = db().transaction((tx) => {
      let newId: number;
      if (type === "service") {
        const adminRow = a ? tx.select().from(administration).where(eq(administration.id, a)).get() : undefined;
        const created = tx
          .insert(service)
          .values({
            ...(columns as unknown as typeof service.$inferInsert),
            category: values.category ?? "",
            administrationSlug: adminRow?.slug ?? "kommunledning",
            shared: values.scope === "shared",
          })
          .returning({ id: service.id })
          .get();
        newId = created.id;
        const offering =
          values.scope === "shared"
            ? tx
                .select({ id: municipality.id })
                .from(municipality)
                .all()
                .map((x) => x.id)
            : [m!];
        for (const mid of offering) {
          const admin = tx
            .select({ id: administration.id })
            .from(administration)
            .where(
              and(eq(administration.municipalityId, mid), eq(administration.slug, adminRow?.slug ?? "kommunledning")),
            )
            .get();
          tx.insert(serviceMunicipality)
            .values({ serviceId: newId, municipalityId: mid, administrationId: admin?.id ?? null })
            .run();
        }
      } else {
        const table = tableOf(type) as typeof page;
        const created = tx
          .insert(table)
          .values({
            ...(columns as unknown as typeof page.$inferInsert),
            municipalityId: m!,
            administrationId: a,
            ...(type === "page" ? { kind: values.kind as "page" | "activity" } : {}),
          })
          .returning({ id: table.id })
          .get();
        newId = created.id;
      }
      writeVersion(db(), type, newId, "created", by);
      return newId;
    });
    audit({ actor: user, action: "content.created", subjectType: type, subjectId: id, municipalityId: m ?? undefined });
    return { id };
  } catch (e) {
    if (e instanceof Error && /UNIQUE/.test(e.message)) return { errors: { slug: "errors.slugTaken" } };
    throw e;
  }
}

// ------------------------------------------------------------------ preview

/** The public page's view of the working copy, whatever its status (never for residents). */
export function getPreview(user: StaffUser, type: ContentType, id: number, lang: Language) {
  const { row } = requireItem(user, type, id);
  const { values } = workingCopy(type, row);
  if (type === "service") return { type, view: getServicePreview({ id, lang, draft: values })! };
  if (type === "news") return { type, view: previewNewsView(values, lang) };
  return { type, view: previewPageView(values, lang) };
}

// ------------------------------------------------------------------ plain language

export function checkLanguage(
  type: ContentType,
  values: FormValues,
): { field: string; lang: "sv" | "en"; report: PlainLanguageReport }[] {
  const out: { field: string; lang: "sv" | "en"; report: PlainLanguageReport }[] = [];
  for (const f of BILINGUAL_FIELDS[type].filter((x) => x.kind !== "line")) {
    for (const lang of ["sv", "en"] as const) {
      const text = values[`${f.name}${lang === "sv" ? "Sv" : "En"}`];
      if (text && text.trim()) out.push({ field: f.name, lang, report: analyse(text, lang) });
    }
  }
  return out;
}

export const saveItem = thenInvalidate(saveItemInner);
export const publishItem = thenInvalidate(publishItemInner);
export const unpublishItem = thenInvalidate(unpublishItemInner);
export const saveVariant = thenInvalidate(saveVariantInner);
