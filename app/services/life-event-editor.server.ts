import { asc, eq, max } from "drizzle-orm";
import { authority, lifeEvent, lifeEventStep, service, staffUser, type LifeEvent } from "../../db/schema/index";
import { publishedDocuments } from "./eservice-definitions.server";
import type { StaffUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import type { Language } from "~/i18n/config";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { forbidden } from "./editor-access.server";
import { invalidateAnonymousCache } from "./page-cache.server";

/**
 * Editing the life-event guides (/livshandelser) in /redaktor. The guides are portal-wide: only
 * portal-wide editors and portal-wide administrators may change them (403 otherwise).
 *
 * What residents see are the life_event row and its steps. An editor works on a draft (JSON in
 * life_event.draft: texts and ordered steps); "publish" applies it to the row and the steps in
 * one transaction. The seed inserts a guide only when its slug is absent, so it never undoes an
 * editor's change (docs/decisions/035). Every change is audit-logged.
 *
 * A guide created here starts unpublished (life_event.published false): only its draft exists
 * and residents see nothing until the first publish (docs/decisions/061).
 */

export const ACTOR_KINDS = ["municipality", "authority"] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface StepDraft {
  titleSv: string;
  titleEn: string;
  bodySv: string;
  bodyEn: string;
  actorKind: ActorKind;
  serviceSlug: string;
  formId: string;
  authoritySlug: string;
}

export interface GuideDraft {
  titleSv: string;
  titleEn: string;
  summarySv: string;
  summaryEn: string;
  steps: StepDraft[];
}

export type GuideErrors = Record<string, string>;

export const MAX_STEPS = 20;
const LIMITS = { title: 150, summary: 600, stepTitle: 150, stepBody: 1200 } as const;

/** Portal-wide editors and portal-wide administrators. */
export function canEditGuides(user: StaffUser): boolean {
  return user.roles.some((r) => (r.role === "editor" || r.role === "admin") && r.municipalityId === null);
}

/** 403 unless the user may edit (and create) guides. */
export function requireGuideEditor(user: StaffUser) {
  if (!canEditGuides(user)) forbidden("guides");
}

function requireGuide(user: StaffUser, slug: string): LifeEvent {
  requireGuideEditor(user);
  const row = /^[a-z0-9-]{1,80}$/.test(slug)
    ? db().select().from(lifeEvent).where(eq(lifeEvent.slug, slug)).get()
    : undefined;
  if (!row) throw new Response("Not found", { status: 404, statusText: "Not Found" });
  return row;
}

export function listGuidesForEditor(user: StaffUser, lang: Language) {
  requireGuideEditor(user);
  const steps = db().select({ id: lifeEventStep.lifeEventId }).from(lifeEventStep).all();
  return db()
    .select()
    .from(lifeEvent)
    .orderBy(asc(lifeEvent.position))
    .all()
    .map((e) => ({
      slug: e.slug,
      title: lang === "en" ? e.titleEn : e.titleSv,
      steps: steps.filter((s) => s.id === e.id).length,
      pendingDraft: e.draft !== null,
      published: e.published,
      updatedAt: e.updatedAt,
      updatedBy: e.updatedBy,
    }));
}

function publishedDraft(row: LifeEvent): GuideDraft {
  const steps = db()
    .select()
    .from(lifeEventStep)
    .where(eq(lifeEventStep.lifeEventId, row.id))
    .orderBy(asc(lifeEventStep.position))
    .all();
  return {
    titleSv: row.titleSv,
    titleEn: row.titleEn,
    summarySv: row.summarySv,
    summaryEn: row.summaryEn,
    steps: steps.map((s) => ({
      titleSv: s.titleSv,
      titleEn: s.titleEn,
      bodySv: s.bodySv,
      bodyEn: s.bodyEn,
      actorKind: s.actorKind,
      serviceSlug: s.serviceSlug ?? "",
      formId: s.formId ?? "",
      authoritySlug: s.authoritySlug ?? "",
    })),
  };
}

/** The choices for "who does it" and its link: published services, forms, authorities. */
export function stepChoices(lang: Language) {
  const services = db()
    .select({ slug: service.slug, titleSv: service.titleSv, titleEn: service.titleEn })
    .from(service)
    .where(eq(service.status, "published"))
    .all()
    .map((s) => ({ value: s.slug, label: (lang === "en" && s.titleEn) || s.titleSv }));
  const t = getFixedT(lang, "forms");
  const forms = publishedDocuments()
    .map((d) => d.definition)
    .map((f) => ({ value: f.id, label: t(f.titleKey.slice("forms.".length)) }));
  const authorities = db()
    .select({ slug: authority.slug, nameSv: authority.nameSv, nameEn: authority.nameEn })
    .from(authority)
    .orderBy(asc(authority.position))
    .all()
    .map((a) => ({ value: a.slug, label: lang === "en" ? a.nameEn : a.nameSv }));
  const collator = new Intl.Collator(lang);
  const byLabel = (a: { label: string }, b: { label: string }) => collator.compare(a.label, b.label);
  return { services: services.sort(byLabel), forms: forms.sort(byLabel), authorities };
}

export function getGuideForEdit(user: StaffUser, slug: string) {
  const row = requireGuide(user, slug);
  const draft = (row.draft as GuideDraft | null) ?? publishedDraft(row);
  return {
    slug: row.slug,
    title: row.titleSv,
    pending: row.draft !== null,
    published: row.published,
    draftBy: row.draftBy,
    draftAt: row.draftAt,
    updatedAt: row.updatedAt,
    draft,
  };
}

// ------------------------------------------------------------------ parsing

/** Reads the guide form: texts, then steps 0..stepCount-1 (`steps.N.field`). */
export function parseGuideForm(form: FormData): { draft: GuideDraft; errors: GuideErrors } {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.replace(/\r\n/g, "\n").trim() : "";
  };
  const count = Math.min(MAX_STEPS, Math.max(0, Number.parseInt(text("stepCount"), 10) || 0));
  const steps: StepDraft[] = [];
  for (let i = 0; i < count; i++) {
    const kind = text(`steps.${i}.actorKind`);
    steps.push({
      titleSv: text(`steps.${i}.titleSv`),
      titleEn: text(`steps.${i}.titleEn`),
      bodySv: text(`steps.${i}.bodySv`),
      bodyEn: text(`steps.${i}.bodyEn`),
      actorKind: kind === "authority" ? "authority" : "municipality",
      serviceSlug: text(`steps.${i}.serviceSlug`),
      formId: text(`steps.${i}.formId`),
      authoritySlug: text(`steps.${i}.authoritySlug`),
    });
  }
  const draft: GuideDraft = {
    titleSv: text("titleSv"),
    titleEn: text("titleEn"),
    summarySv: text("summarySv"),
    summaryEn: text("summaryEn"),
    steps,
  };
  return { draft, errors: lengthErrors(draft, form) };
}

function lengthErrors(d: GuideDraft, form?: FormData): GuideErrors {
  const errors: GuideErrors = {};
  const check = (name: string, value: string, max: number, oneLine: boolean) => {
    if (value.length > max) errors[name] = "errors.tooLong";
    else if (oneLine && /\n/.test(value)) errors[name] = "errors.oneLine";
  };
  for (const l of ["Sv", "En"] as const) {
    check(`title${l}`, d[`title${l}`], LIMITS.title, true);
    check(`summary${l}`, d[`summary${l}`], LIMITS.summary, false);
  }
  d.steps.forEach((s, i) => {
    for (const l of ["Sv", "En"] as const) {
      check(`steps.${i}.title${l}`, s[`title${l}`], LIMITS.stepTitle, true);
      check(`steps.${i}.body${l}`, s[`body${l}`], LIMITS.stepBody, false);
    }
    const kind = form?.get(`steps.${i}.actorKind`);
    if (form && kind !== "municipality" && kind !== "authority")
      errors[`steps.${i}.actorKind`] = "guides.errors.actorKind";
  });
  return errors;
}

/** Everything a published guide needs: both languages, who does each step, existing targets. */
export function validateGuide(d: GuideDraft): GuideErrors {
  const errors = lengthErrors(d);
  const req = (name: string, value: string, key: string) => {
    if (!value && !errors[name]) errors[name] = key;
  };
  req("titleSv", d.titleSv, "guides.errors.title");
  req("titleEn", d.titleEn, "guides.errors.title");
  req("summarySv", d.summarySv, "guides.errors.summary");
  req("summaryEn", d.summaryEn, "guides.errors.summary");
  if (d.steps.length === 0) errors.steps = "guides.errors.noSteps";
  const services = new Set(
    db()
      .select({ slug: service.slug })
      .from(service)
      .where(eq(service.status, "published"))
      .all()
      .map((s) => s.slug),
  );
  const forms = new Set(
    publishedDocuments()
      .map((d) => d.definition)
      .map((f) => f.id),
  );
  const authorities = new Set(
    db()
      .select({ slug: authority.slug })
      .from(authority)
      .all()
      .map((a) => a.slug),
  );
  d.steps.forEach((s, i) => {
    req(`steps.${i}.titleSv`, s.titleSv, "guides.errors.stepTitle");
    req(`steps.${i}.titleEn`, s.titleEn, "guides.errors.stepTitle");
    req(`steps.${i}.bodySv`, s.bodySv, "guides.errors.stepBody");
    req(`steps.${i}.bodyEn`, s.bodyEn, "guides.errors.stepBody");
    if (s.actorKind === "authority") {
      if (!authorities.has(s.authoritySlug)) errors[`steps.${i}.authoritySlug`] = "guides.errors.authority";
    } else {
      if (s.serviceSlug && !services.has(s.serviceSlug)) errors[`steps.${i}.serviceSlug`] = "guides.errors.service";
      if (s.formId && !forms.has(s.formId)) errors[`steps.${i}.formId`] = "guides.errors.form";
    }
  });
  return errors;
}

/** Only the fields that belong to the chosen kind are kept. */
function normalise(d: GuideDraft): GuideDraft {
  return {
    ...d,
    steps: d.steps.map((s) =>
      s.actorKind === "authority" ? { ...s, serviceSlug: "", formId: "" } : { ...s, authoritySlug: "" },
    ),
  };
}

// ------------------------------------------------------------------ structure (works without JS)

export type StepMove = { kind: "up" | "down" | "remove"; index: number } | { kind: "add" };

export function parseMove(intent: unknown): StepMove | undefined {
  if (intent === "add") return { kind: "add" };
  const m = typeof intent === "string" ? /^(up|down|remove):([0-9]{1,2})$/.exec(intent) : null;
  return m ? { kind: m[1] as "up" | "down" | "remove", index: Number(m[2]) } : undefined;
}

export function applyMove(d: GuideDraft, move: StepMove): GuideDraft {
  const steps = [...d.steps];
  if (move.kind === "add") {
    if (steps.length < MAX_STEPS)
      steps.push({
        titleSv: "",
        titleEn: "",
        bodySv: "",
        bodyEn: "",
        actorKind: "municipality",
        serviceSlug: "",
        formId: "",
        authoritySlug: "",
      });
  } else if (move.index < steps.length) {
    const i = move.index;
    if (move.kind === "remove") steps.splice(i, 1);
    else {
      const j = move.kind === "up" ? i - 1 : i + 1;
      if (j >= 0 && j < steps.length) [steps[i], steps[j]] = [steps[j]!, steps[i]!];
    }
  }
  return { ...d, steps };
}

// ------------------------------------------------------------------ writing

/** Stores the working copy (residents see nothing of it until it is published). */
export function saveGuideDraft(user: StaffUser, slug: string, draft: GuideDraft, detail: Record<string, unknown> = {}) {
  const row = requireGuide(user, slug);
  const at = new Date().toISOString();
  db()
    .update(lifeEvent)
    .set({ draft: normalise(draft), draftBy: staffName(user), draftAt: at })
    .where(eq(lifeEvent.id, row.id))
    .run();
  audit({
    actor: user,
    action: "life_event.draft_saved",
    subjectType: "life_event",
    subjectId: row.id,
    details: { slug, steps: draft.steps.length, ...detail },
  });
}

/** Applies the draft: the guide's texts and its steps in their order, in one transaction. */
export function publishGuide(user: StaffUser, slug: string): { errors: GuideErrors } | { ok: true } {
  const row = requireGuide(user, slug);
  const draft = normalise((row.draft as GuideDraft | null) ?? publishedDraft(row));
  const errors = validateGuide(draft);
  if (Object.keys(errors).length) return { errors };
  const at = new Date().toISOString();
  const by = staffName(user);
  db().transaction((tx) => {
    tx.update(lifeEvent)
      .set({
        titleSv: draft.titleSv,
        titleEn: draft.titleEn,
        summarySv: draft.summarySv,
        summaryEn: draft.summaryEn,
        updatedAt: at,
        updatedBy: by,
        published: true,
        draft: null,
        draftBy: null,
        draftAt: null,
      })
      .where(eq(lifeEvent.id, row.id))
      .run();
    tx.delete(lifeEventStep).where(eq(lifeEventStep.lifeEventId, row.id)).run();
    draft.steps.forEach((s, position) =>
      tx
        .insert(lifeEventStep)
        .values({
          lifeEventId: row.id,
          position,
          titleSv: s.titleSv,
          titleEn: s.titleEn,
          bodySv: s.bodySv,
          bodyEn: s.bodyEn,
          actorKind: s.actorKind,
          serviceSlug: s.actorKind === "municipality" ? s.serviceSlug || null : null,
          formId: s.actorKind === "municipality" ? s.formId || null : null,
          authoritySlug: s.actorKind === "authority" ? s.authoritySlug : null,
        })
        .run(),
    );
  });
  invalidateAnonymousCache();
  audit({
    actor: user,
    action: "life_event.published",
    subjectType: "life_event",
    subjectId: row.id,
    details: { slug, steps: draft.steps.length, first: !row.published },
  });
  return { ok: true };
}

// ------------------------------------------------------------------ creating

export const NEW_GUIDE_FIELDS = ["slug", "titleSv", "titleEn"] as const;
export type NewGuide = Record<(typeof NEW_GUIDE_FIELDS)[number], string>;

/** Path segments under /redaktor/livshandelser that are routes, not guides. */
const RESERVED_SLUGS = new Set(["ny"]);

/** a-z, 0-9 and single hyphens inside, 2–80 characters (checked without a backtracking pattern). */
export function isGuideSlug(slug: string): boolean {
  if (slug.length < 2 || slug.length > 80 || !/^[a-z0-9-]+$/.test(slug)) return false;
  return !slug.startsWith("-") && !slug.endsWith("-") && !slug.includes("--");
}

/** Reads "new guide": the address (slug) and the title in both languages, each required. */
export function parseNewGuideForm(form: FormData): { value: NewGuide; errors: GuideErrors } {
  const text = (name: string) => {
    const v = form.get(name);
    return typeof v === "string" ? v.trim() : "";
  };
  const value: NewGuide = { slug: text("slug").toLowerCase(), titleSv: text("titleSv"), titleEn: text("titleEn") };
  return { value, errors: newGuideErrors(value) };
}

function newGuideErrors(value: NewGuide): GuideErrors {
  const errors: GuideErrors = {};
  if (!value.slug) errors.slug = "guides.errors.slugRequired";
  else if (!isGuideSlug(value.slug) || RESERVED_SLUGS.has(value.slug)) errors.slug = "guides.errors.slugFormat";
  for (const l of ["Sv", "En"] as const) {
    const v = value[`title${l}`];
    if (!v) errors[`title${l}`] = `guides.errors.title${l}`;
    else if (v.length > LIMITS.title) errors[`title${l}`] = "errors.tooLong";
    else if (/[\r\n]/.test(v)) errors[`title${l}`] = "errors.oneLine";
  }
  return errors;
}

/**
 * Creates a guide that residents do not see yet: its texts are the draft, with no steps; the
 * editor adds steps and publishes on the guide's own page. A taken address is a field error.
 */
export function createGuide(user: StaffUser, input: NewGuide): { ok: true; slug: string } | { errors: GuideErrors } {
  requireGuideEditor(user);
  const value: NewGuide = {
    slug: input.slug.trim().toLowerCase(),
    titleSv: input.titleSv.trim(),
    titleEn: input.titleEn.trim(),
  };
  const errors = newGuideErrors(value);
  if (Object.keys(errors).length) return { errors };
  if (db().select({ id: lifeEvent.id }).from(lifeEvent).where(eq(lifeEvent.slug, value.slug)).get())
    return { errors: { slug: "guides.errors.slugTaken" } };
  const at = new Date().toISOString();
  const by = staffName(user);
  const draft: GuideDraft = { titleSv: value.titleSv, titleEn: value.titleEn, summarySv: "", summaryEn: "", steps: [] };
  const last =
    db()
      .select({ p: max(lifeEvent.position) })
      .from(lifeEvent)
      .get()?.p ?? -1;
  const row = db()
    .insert(lifeEvent)
    .values({
      slug: value.slug,
      position: last + 1,
      titleSv: value.titleSv,
      titleEn: value.titleEn,
      summarySv: "",
      summaryEn: "",
      example: false,
      published: false,
      updatedAt: at,
      updatedBy: by,
      draft,
      draftBy: by,
      draftAt: at,
    })
    .returning({ id: lifeEvent.id })
    .get();
  audit({
    actor: user,
    action: "life_event.created",
    subjectType: "life_event",
    subjectId: row.id,
    details: { slug: value.slug, titleSv: value.titleSv, titleEn: value.titleEn },
  });
  return { ok: true, slug: value.slug };
}

/** Throws the draft away: the published guide stays as it is. */
export function discardGuideDraft(user: StaffUser, slug: string) {
  const row = requireGuide(user, slug);
  if (row.draft === null) return;
  db().update(lifeEvent).set({ draft: null, draftBy: null, draftAt: null }).where(eq(lifeEvent.id, row.id)).run();
  audit({
    actor: user,
    action: "life_event.draft_discarded",
    subjectType: "life_event",
    subjectId: row.id,
    details: { slug },
  });
}

/** The staff username (as content versions record it). */
function staffName(user: StaffUser): string {
  return (
    db().select({ u: staffUser.username }).from(staffUser).where(eq(staffUser.id, user.staffUserId)).get()?.u ??
    user.name
  );
}
