import { and, asc, eq, inArray, max } from "drizzle-orm";
import { diffWords } from "diff";
import { invalidateAnonymousCache } from "~/services/page-cache.server";
import {
  administration,
  authority,
  contentVersion,
  municipality,
  news,
  page,
  service,
  serviceAuthority,
  serviceMunicipality,
  serviceRelated,
  staffUser,
  type ContentVersion,
} from "../../db/schema/index";
import { snapshotOf, writeVersion, type Snapshot } from "../../db/content-versions";
import { CATEGORY_SLUGS } from "../../db/seed/content/types";
import { canStaff } from "~/auth/guards.server";
import type { Permission } from "~/auth/permissions";
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

type Row = Record<string, unknown> & {
  id: number;
  status: string;
  publishAt: string | null;
  unpublishAt: string | null;
  owner: string;
  reviewBy: string;
};

const PENDING_ACTIONS = new Set(["draft", "restored-draft"]);

const tableOf = (type: ContentType) => (type === "service" ? service : type === "page" ? page : news);

/**
 * 403. `reason` names the rule in the answer's body (shown by the error page, see
 * common:errors.forbidden.reasons): "publish" = drafts only, a redaktör publishes.
 */
export function forbidden(reason?: "publish" | "guides"): never {
  if (reason) throw Response.json({ reason }, { status: 403, statusText: "Forbidden" });
  throw new Response("Forbidden", { status: 403, statusText: "Forbidden" });
}
function notFound(): never {
  throw new Response("Not found", { status: 404, statusText: "Not Found" });
}

function usernameOf(user: StaffUser): string {
  return (
    db().select({ u: staffUser.username }).from(staffUser).where(eq(staffUser.id, user.staffUserId)).get()?.u ??
    user.name
  );
}

/** An editor role without municipality: shared services and everything else. */
export function isPortalWide(user: StaffUser, permission: Permission = "content.edit"): boolean {
  return user.roles.some((r) => r.role === "editor" && r.municipalityId === null) && canStaff(user, permission);
}

// ------------------------------------------------------------------ scope

interface Offer {
  municipalityId: number;
  administrationId: number | null;
}

/** Each offering municipality with the administration answering for the service there. */
function offersOf(serviceId: number, administrationSlug: string): Offer[] {
  return db()
    .select({
      municipalityId: serviceMunicipality.municipalityId,
      administrationId: serviceMunicipality.administrationId,
      fallbackId: administration.id,
    })
    .from(serviceMunicipality)
    .leftJoin(
      administration,
      and(
        eq(administration.municipalityId, serviceMunicipality.municipalityId),
        eq(administration.slug, administrationSlug),
      ),
    )
    .where(eq(serviceMunicipality.serviceId, serviceId))
    .all()
    .map((o) => ({ municipalityId: o.municipalityId, administrationId: o.administrationId ?? o.fallbackId }));
}

function mayOffer(user: StaffUser, permission: Permission, o: Offer): boolean {
  // An offer without an administration is nobody's but the portal's: never match "any".
  return (
    o.administrationId !== null &&
    canStaff(user, permission, { municipalityId: o.municipalityId, administrationId: o.administrationId })
  );
}

export interface Access {
  /** May change the common texts (and, with publish, publish them). */
  main: boolean;
  /** Municipality ids whose variant the user may change (services only). */
  variants: number[];
}

function accessTo(user: StaffUser, permission: Permission, type: ContentType, row: Row): Access {
  if (isPortalWide(user, permission)) {
    return {
      main: true,
      variants: type === "service" ? offersOf(row.id, String(row.administrationSlug)).map((o) => o.municipalityId) : [],
    };
  }
  if (type === "service") {
    const offers = offersOf(row.id, String(row.administrationSlug));
    const variants = offers.filter((o) => mayOffer(user, permission, o)).map((o) => o.municipalityId);
    return { main: !row.shared && variants.length > 0, variants };
  }
  const administrationId = row.administrationId as number | null;
  const main = canStaff(user, permission, {
    municipalityId: row.municipalityId as number,
    ...(administrationId ? { administrationId } : {}),
  });
  return { main, variants: [] };
}

function getRow(type: ContentType, id: number): Row | undefined {
  const table = tableOf(type);
  return db().select().from(table).where(eq(table.id, id)).get() as Row | undefined;
}

/** The item if the user may see it in /redaktor (404 unknown, 403 out of scope). */
function requireItem(user: StaffUser, type: ContentType, id: number, need: "view" | "main" | "publish" = "view") {
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const row = getRow(type, id);
  if (!row) notFound();
  const edit = accessTo(user, "content.edit", type, row);
  if (!edit.main && edit.variants.length === 0) forbidden();
  if (need === "main" && !edit.main) forbidden();
  if (need === "publish" && !accessTo(user, "content.publish", type, row).main) forbidden("publish");
  return { row, access: edit };
}

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

// ------------------------------------------------------------------ reading for the edit page

function latestVersion(type: ContentType, id: number): ContentVersion | undefined {
  return db()
    .select()
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .orderBy(asc(contentVersion.version))
    .all()
    .at(-1);
}

/** What the editor works on: the pending draft if there is one, else the row. */
function workingCopy(type: ContentType, row: Row): { values: Snapshot; pending: boolean } {
  const last = latestVersion(type, row.id);
  if (last && PENDING_ACTIONS.has(last.action))
    return { values: { ...row, ...(last.snapshot as Snapshot) }, pending: true };
  return { values: row, pending: false };
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

// ------------------------------------------------------------------ validation

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** Reads and checks the item's fields from a form. Errors are editor-namespace i18n keys. */
export function parseItemForm(type: ContentType, form: FormData): { values: FormValues; errors: EditorErrors } {
  const values: FormValues = {};
  const errors: EditorErrors = {};
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  };
  for (const f of BILINGUAL_FIELDS[type]) {
    for (const lang of ["Sv", "En"] as const) {
      const name = `${f.name}${lang}`;
      const value = text(name);
      values[name] = value;
      if (value.length > f.max) errors[name] = "errors.tooLong";
      else if (f.kind === "line" && /\n/.test(value)) errors[name] = "errors.oneLine";
    }
    if (!f.optional && !values[`${f.name}Sv`]) errors[`${f.name}Sv`] = `errors.required.${f.name}`;
  }
  for (const f of PLAIN_FIELDS[type]) {
    const value = text(f.name);
    values[f.name] = value;
    if (value.length > f.max) errors[f.name] = "errors.tooLong";
    else if (f.kind === "email" && value && !EMAIL.test(value)) errors[f.name] = "errors.email";
  }
  values.owner = text("owner");
  if (!values.owner) errors.owner = "errors.required.owner";
  else if (values.owner.length > 200) errors.owner = "errors.tooLong";
  values.reviewBy = text("reviewBy");
  if (!values.reviewBy) errors.reviewBy = "errors.required.reviewBy";
  else if (!validDate(values.reviewBy)) errors.reviewBy = "errors.date";
  return { values, errors };
}

export function parseVariantForm(form: FormData): { values: FormValues; errors: EditorErrors } {
  const values: FormValues = {};
  const errors: EditorErrors = {};
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  };
  for (const f of VARIANT_FIELDS) {
    for (const lang of ["Sv", "En"] as const) {
      const name = `${f.name}${lang}`;
      const value = text(name);
      values[name] = value;
      if (value.length > f.max) errors[name] = "errors.tooLong";
    }
  }
  for (const f of VARIANT_PLAIN_FIELDS) {
    const value = text(f.name);
    values[f.name] = value;
    if (value.length > f.max) errors[f.name] = "errors.tooLong";
    else if (f.kind === "email" && value && !EMAIL.test(value)) errors[f.name] = "errors.email";
  }
  return { values, errors };
}

/** `datetime-local` input (Swedish wall-clock time) → ISO instant; "" → null; undefined when invalid. */
export function stockholmLocalToIso(value: string): string | null | undefined {
  if (!value) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y = 0, mo = 1, d = 1, h = 0, mi = 0] = m.slice(1).map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi);
  const offset = (at: number) => {
    const w = wallClock(at);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - at;
  };
  const instant = guess - offset(guess - offset(guess));
  const iso = new Date(instant);
  return Number.isNaN(iso.getTime()) ? undefined : iso.toISOString();
}

/** ISO instant → `datetime-local` value in Swedish time. */
export function isoToStockholmLocal(iso: string | null): string {
  if (!iso) return "";
  const w = wallClock(new Date(iso).getTime());
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

export function parseSchedule(form: FormData): {
  publishAt: string | null;
  unpublishAt: string | null;
  errors: EditorErrors;
} {
  const errors: EditorErrors = {};
  const read = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const publishAt = stockholmLocalToIso(read("publishAt"));
  const unpublishAt = stockholmLocalToIso(read("unpublishAt"));
  if (publishAt === undefined) errors.publishAt = "errors.dateTime";
  if (unpublishAt === undefined) errors.unpublishAt = "errors.dateTime";
  if (publishAt && unpublishAt && unpublishAt <= publishAt) errors.unpublishAt = "errors.unpublishBeforePublish";
  return { publishAt: publishAt ?? null, unpublishAt: unpublishAt ?? null, errors };
}

// ------------------------------------------------------------------ related services and authorities

/** A service's links: related services (ids) and other authorities (slugs), in order. */
export interface ServiceLinks {
  related: number[];
  authorities: string[];
}

/** The links a snapshot (a version or a pending draft) holds, or undefined if it has none. */
function linksIn(snapshot: Snapshot): ServiceLinks | undefined {
  if (!Array.isArray(snapshot.related) || !Array.isArray(snapshot.authorities)) return undefined;
  return {
    related: (snapshot.related as unknown[]).map(Number),
    authorities: (snapshot.authorities as unknown[]).map(String),
  };
}

function currentLinks(id: number): ServiceLinks {
  return linksIn(snapshotOf(db(), "service", id) ?? {}) ?? { related: [], authorities: [] };
}

type Tx = Parameters<Parameters<ReturnType<typeof db>["transaction"]>[0]>[0];

function applyLinks(tx: Tx, id: number, links: ServiceLinks) {
  tx.delete(serviceRelated).where(eq(serviceRelated.serviceId, id)).run();
  links.related.forEach((relatedServiceId, position) =>
    tx.insert(serviceRelated).values({ serviceId: id, relatedServiceId, position }).run(),
  );
  tx.delete(serviceAuthority).where(eq(serviceAuthority.serviceId, id)).run();
  links.authorities.forEach((authoritySlug, position) =>
    tx.insert(serviceAuthority).values({ serviceId: id, authoritySlug, position }).run(),
  );
}

/** What the editor may choose from: published services (not this one) and the authorities. */
export function linkChoices(serviceId: number, lang: Language) {
  const collator = new Intl.Collator(lang);
  const services = db()
    .select({ id: service.id, titleSv: service.titleSv, titleEn: service.titleEn })
    .from(service)
    .where(eq(service.status, "published"))
    .all()
    .filter((x) => x.id !== serviceId)
    .map((x) => ({ value: String(x.id), label: (lang === "en" && x.titleEn) || x.titleSv }))
    .sort((a, b) => collator.compare(a.label, b.label));
  const authorities = db()
    .select({ slug: authority.slug, nameSv: authority.nameSv, nameEn: authority.nameEn })
    .from(authority)
    .orderBy(asc(authority.position))
    .all()
    .map((a) => ({ value: a.slug, label: lang === "en" ? a.nameEn : a.nameSv }));
  return { services, authorities };
}

/**
 * Reads the checked related services and authorities. Only published services other than this
 * one, and known authorities; anything else is a field error (never silently dropped).
 */
export function parseServiceLinks(form: FormData, serviceId: number): { links: ServiceLinks; errors: EditorErrors } {
  const errors: EditorErrors = {};
  const related = [...new Set(form.getAll("related").map(String))];
  const authorities = [...new Set(form.getAll("authorities").map(String))];
  const published = new Set(
    db()
      .select({ id: service.id })
      .from(service)
      .where(eq(service.status, "published"))
      .all()
      .map((r) => String(r.id)),
  );
  if (related.some((r) => r === String(serviceId))) errors.related = "errors.relatedSelf";
  else if (related.some((r) => !/^[0-9]{1,9}$/.test(r) || !published.has(r))) errors.related = "errors.relatedUnknown";
  else if (related.length > 12) errors.related = "errors.relatedTooMany";
  const known = new Set(
    db()
      .select({ slug: authority.slug })
      .from(authority)
      .all()
      .map((a) => a.slug),
  );
  if (authorities.some((a) => !known.has(a))) errors.authorities = "errors.authorityUnknown";
  else if (authorities.length > 12) errors.authorities = "errors.relatedTooMany";
  return { links: { related: related.map(Number), authorities }, errors };
}

// ------------------------------------------------------------------ writing

function wallClock(at: number): Record<"year" | "month" | "day" | "hour" | "minute", number> {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/Stockholm",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    })
      .formatToParts(new Date(at))
      .map((p) => [p.type, Number(p.value)]),
  );
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  };
}

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

function pickEditable(type: ContentType, values: Snapshot): Snapshot {
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

// ------------------------------------------------------------------ history, diff, restore

export function listHistory(user: StaffUser, type: ContentType, id: number) {
  const { row } = requireItem(user, type, id);
  const versions = db()
    .select({
      version: contentVersion.version,
      action: contentVersion.action,
      createdBy: contentVersion.createdBy,
      createdAt: contentVersion.createdAt,
    })
    .from(contentVersion)
    .where(and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id)))
    .orderBy(asc(contentVersion.version))
    .all()
    .reverse();
  return { title: String(row.titleSv), versions, canEditMain: accessTo(user, "content.edit", type, row).main };
}

function versionOf(type: ContentType, id: number, version: number): ContentVersion | undefined {
  return db()
    .select()
    .from(contentVersion)
    .where(
      and(eq(contentVersion.contentType, type), eq(contentVersion.contentId, id), eq(contentVersion.version, version)),
    )
    .get();
}

export interface DiffPart {
  kind: "same" | "added" | "removed";
  text: string;
}
export interface FieldDiff {
  field: string;
  /** For a municipal variant's field: the municipality's name (not its id). */
  municipality?: string;
  parts: DiffPart[];
}

// Bookkeeping, not content: changes here are shown by the history's who/when instead.
const IGNORED = new Set(["id", "createdAt", "updatedAt", "updatedBy", "example"]);

function flatten(snapshot: Snapshot): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(snapshot)) {
    if (IGNORED.has(k)) continue;
    if (k === "variants" && Array.isArray(v)) {
      for (const variant of v as Snapshot[]) {
        for (const [vk, vv] of Object.entries(variant)) {
          if (vk === "municipalityId" || vv == null) continue;
          out.set(`variants.${String(variant.municipalityId)}.${vk}`, String(vv));
        }
      }
    } else if (Array.isArray(v)) out.set(k, v.join(", "));
    else if (v != null) out.set(k, String(v));
  }
  return out;
}

/** Field-by-field word diff between two snapshots (only fields that differ). */
export function diffSnapshots(
  from: Snapshot,
  to: Snapshot,
  municipalityNames: Map<number, string> = new Map(),
): FieldDiff[] {
  const a = flatten(from);
  const b = flatten(to);
  const fields = [...new Set([...a.keys(), ...b.keys()])];
  return fields
    .filter((f) => (a.get(f) ?? "") !== (b.get(f) ?? ""))
    .map((field) => {
      const variant = /^variants\.(\d+)\./.exec(field);
      const name = variant ? municipalityNames.get(Number(variant[1])) : undefined;
      return {
        field,
        ...(name ? { municipality: name } : {}),
        parts: diffWords(a.get(field) ?? "", b.get(field) ?? "").map(
          (c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }) as DiffPart,
        ),
      };
    });
}

/** Related services and authorities by name in a snapshot, so that the diff reads as words. */
function namedLinks(snapshot: Snapshot): Snapshot {
  const out = { ...snapshot };
  if (Array.isArray(snapshot.related)) {
    const ids = (snapshot.related as unknown[]).map(Number).filter(Number.isSafeInteger);
    const titles = new Map(
      ids.length
        ? db()
            .select({ id: service.id, t: service.titleSv })
            .from(service)
            .where(inArray(service.id, ids))
            .all()
            .map((r) => [r.id, r.t])
        : [],
    );
    out.related = ids.map((id) => titles.get(id) ?? `#${id}`).join("; ");
  }
  if (Array.isArray(snapshot.authorities)) {
    const slugs = (snapshot.authorities as unknown[]).map(String);
    const names = new Map(
      slugs.length
        ? db()
            .select({ slug: authority.slug, n: authority.nameSv })
            .from(authority)
            .where(inArray(authority.slug, slugs))
            .all()
            .map((r) => [r.slug, r.n])
        : [],
    );
    out.authorities = slugs.map((x) => names.get(x) ?? x).join("; ");
  }
  return out;
}

export function diffVersions(user: StaffUser, type: ContentType, id: number, from: number, to: number) {
  requireItem(user, type, id);
  const a = versionOf(type, id, from);
  const b = versionOf(type, id, to);
  if (!a || !b) return undefined;
  const names = new Map(
    db()
      .select({ id: municipality.id, name: municipality.name })
      .from(municipality)
      .all()
      .map((m) => [m.id, m.name]),
  );
  return diffSnapshots(namedLinks(a.snapshot as Snapshot), namedLinks(b.snapshot as Snapshot), names);
}

/** Brings back an old version's texts as a new version (a draft if the item is published). */
function restoreVersionInner(user: StaffUser, type: ContentType, id: number, version: number) {
  requireItem(user, type, id, "main");
  const old = versionOf(type, id, version);
  if (!old) notFound();
  const snapshot = old.snapshot as Snapshot;
  return saveItem(
    user,
    type,
    id,
    pickEditable(type, snapshot),
    "restore",
    type === "service" ? linksIn(snapshot) : undefined,
  );
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

/**
 * The mutators, each followed by emptying the anonymous page cache (docs/decisions/030) so that
 * residents never see a cached copy of what an editor just changed.
 */
function thenInvalidate<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  return (...args: A) => {
    const result = fn(...args);
    invalidateAnonymousCache();
    return result;
  };
}
export const saveItem = thenInvalidate(saveItemInner);
export const publishItem = thenInvalidate(publishItemInner);
export const unpublishItem = thenInvalidate(unpublishItemInner);
export const saveVariant = thenInvalidate(saveVariantInner);
export const restoreVersion = thenInvalidate(restoreVersionInner);
