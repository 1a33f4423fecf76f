import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { caseAttachment, formDraft } from "../../db/schema/index";
import { prepared } from "~/db-prepared.server";
import { withoutWaitingForDisk } from "~/db-durable.server";
import { db } from "~/db.server";
import { decrypt, encrypt, hmacIndex } from "~/platform/crypto.server";

/**
 * Answers between steps, and "save and continue later". One row per browser (owner key) and
 * form is the working copy; saving for later gives it either a person (logged in: shown on
 * Mina sidor) or a secret resume token (anonymous: only its HMAC is stored). Answers are
 * encrypted as a whole. Drafts expire; expired ones are never returned and are purged.
 */
export const DRAFT_DAYS = 30;
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export interface Draft {
  id: number;
  formId: string;
  formVersion: number;
  stepId: string;
  answers: Record<string, unknown>;
  /** The municipality the form goes to, when the form itself does not ask. */
  municipality: string | null;
  saved: boolean;
  expiresAt: string;
  updatedAt: string;
  createdAt: string;
}

const expiry = (now: Date) => new Date(now.getTime() + DRAFT_DAYS * 86_400_000).toISOString();

/**
 * The plaintext of recently read or written working copies, by row id, with the ciphertext it is
 * the plaintext of (decision 159). A form walk reads its working copy on 7 of its 9 requests and
 * each read decrypted it again (~40-60 µs). An entry is used only when the row the owner-scoped
 * SELECT just returned carries the very same ciphertext: every save encrypts with a fresh random
 * IV, so a row another writer changed (a step, a save for later, a resume, a log-in merge) has
 * another ciphertext and is decrypted as before, a deleted or expired row is not returned at all,
 * and the SELECT, not the cache, decides whose row it is. The plaintext is parsed on every read,
 * so no request shares the answers object of another. Bounded: at most CACHED_COPIES entries of
 * at most CACHED_CIPHERTEXT_CHARS characters of ciphertext (and its plaintext, shorter), the
 * oldest written first out: under 2.6 MB at worst, ~1.3 KB an entry for a felanmälan walk.
 */
const CACHED_COPIES = 128;
const CACHED_CIPHERTEXT_CHARS = 8192;
const plaintexts = new Map<number, { data: string; plain: string }>();

function rememberPlaintext(id: number, data: string, plain: string) {
  plaintexts.delete(id);
  if (data.length > CACHED_CIPHERTEXT_CHARS) return;
  plaintexts.set(id, { data, plain });
  if (plaintexts.size > CACHED_COPIES) plaintexts.delete(plaintexts.keys().next().value!);
}

function plaintextOf(row: { id: number; data: string }): string {
  const known = plaintexts.get(row.id);
  if (known?.data === row.data) return known.plain;
  const plain = decrypt(row.data);
  rememberPlaintext(row.id, row.data, plain);
  return plain;
}

/** How many working copies' plaintexts are kept now (for the tests). */
export const cachedPlaintextCount = () => plaintexts.size;

function toDraft(row: typeof formDraft.$inferSelect, plain?: string): Draft {
  const content = JSON.parse(plain ?? plaintextOf(row)) as { a?: Record<string, unknown>; m?: string | null };
  return {
    id: row.id,
    formId: row.formId,
    formVersion: row.formVersion,
    stepId: row.stepId,
    answers: content.a ?? {},
    municipality: content.m ?? null,
    saved: row.tokenHash !== null || row.personId !== null,
    expiresAt: row.expiresAt,
    updatedAt: row.updatedAt,
    createdAt: row.createdAt,
  };
}

/** Deletes expired drafts; returns how many (the clean-up job, cleanup.server.ts, calls it). */
export function purgeExpiredDrafts(now = new Date()): number {
  return db().delete(formDraft).where(lt(formDraft.expiresAt, now.toISOString())).run().changes;
}

/**
 * A logged-in person's drafts (from any browser), or an anonymous browser's own drafts: never
 * "this browser OR this person", which handed one person's answers to the next person at a
 * shared computer (decision 042). A draft a person made is never reachable by a browser key.
 * A person's owner key says whom they act for (personOwnerKey): their own draft and the one
 * for each organisation are apart (decision 104), and the bygglov pages' rows are not the engine's.
 */
function ownedBy(ownerKey: string, personId: number | null | undefined) {
  return personId
    ? and(eq(formDraft.personId, personId), eq(formDraft.ownerKey, ownerKey))
    : and(eq(formDraft.ownerKey, ownerKey), isNull(formDraft.personId));
}

/**
 * ownedBy as prepared statements (decision 121): the working copy is read two or three times
 * per form request, and building and compiling the query each time cost more than running it.
 */
const p = {
  ownerKey: sql.placeholder("ownerKey"),
  personId: sql.placeholder("personId"),
  formId: sql.placeholder("formId"),
  now: sql.placeholder("now"),
};
const ownedByPerson = and(eq(formDraft.personId, p.personId), eq(formDraft.ownerKey, p.ownerKey));
const ownedByBrowser = and(eq(formDraft.ownerKey, p.ownerKey), isNull(formDraft.personId));
const draftStatements = () =>
  prepared("drafts.working-copy", (d) => {
    const working = (owned: typeof ownedByPerson) =>
      d
        .select()
        .from(formDraft)
        .where(and(owned, eq(formDraft.formId, p.formId), gt(formDraft.expiresAt, p.now)))
        .orderBy(desc(formDraft.updatedAt), desc(formDraft.id))
        .prepare();
    const existing = (owned: typeof ownedByPerson) =>
      d
        .select({ id: formDraft.id })
        .from(formDraft)
        .where(and(owned, eq(formDraft.formId, p.formId)))
        .orderBy(desc(formDraft.updatedAt), desc(formDraft.id))
        .prepare();
    // Each step post saves the working copy over its row (decision 129); `set` takes a
    // placeholder only inside sql``.
    const update = d
      .update(formDraft)
      .set({
        formVersion: sql`${sql.placeholder("formVersion")}`,
        stepId: sql`${sql.placeholder("stepId")}`,
        data: sql`${sql.placeholder("data")}`,
        updatedAt: sql`${sql.placeholder("updatedAt")}`,
        expiresAt: sql`${sql.placeholder("expiresAt")}`,
      })
      .where(eq(formDraft.id, sql.placeholder("id")))
      .returning()
      .prepare();
    // A walk's first step post makes the working copy, and the send deletes it (decision 141).
    const insert = d
      .insert(formDraft)
      .values({
        formId: sql`${p.formId}`,
        formVersion: sql`${sql.placeholder("formVersion")}`,
        personId: sql`${p.personId}`,
        ownerKey: sql`${p.ownerKey}`,
        data: sql`${sql.placeholder("data")}`,
        stepId: sql`${sql.placeholder("stepId")}`,
        expiresAt: sql`${sql.placeholder("expiresAt")}`,
        createdAt: sql`${sql.placeholder("createdAt")}`,
        updatedAt: sql`${sql.placeholder("updatedAt")}`,
      })
      .returning()
      .prepare();
    const remove = (owned: typeof ownedByPerson) =>
      d
        .delete(formDraft)
        .where(and(owned, eq(formDraft.formId, p.formId)))
        .prepare();
    // better-sqlite3's own transaction, made once: drizzle's `transaction` runs the same one, after
    // building a transaction object (a whole database object) per call (decision 152).
    const inTransaction = d.$client.transaction(<T>(write: () => T): T => write());
    return {
      // BEGIN IMMEDIATE, as every transaction of the portal (decision 173).
      inTransaction: inTransaction.immediate as <T>(write: () => T) => T,
      working: { person: working(ownedByPerson), browser: working(ownedByBrowser) },
      existing: { person: existing(ownedByPerson), browser: existing(ownedByBrowser) },
      update,
      insert,
      remove: { person: remove(ownedByPerson), browser: remove(ownedByBrowser) },
    };
  });

export function getWorkingDraft(input: {
  ownerKey: string;
  formId: string;
  personId?: number | null;
  now?: Date;
}): Draft | undefined {
  const now = (input.now ?? new Date()).toISOString();
  const s = draftStatements().working;
  const row = input.personId
    ? s.person.get({ ownerKey: input.ownerKey, personId: input.personId, formId: input.formId, now })
    : s.browser.get({ ownerKey: input.ownerKey, formId: input.formId, now });
  return row ? toDraft(row) : undefined;
}

/**
 * The working copy after a step: its own commit without waiting for the disk (see
 * withoutWaitingForDisk). A save for later and a submission wait for their fsync (commitDurably).
 */
export function saveWorkingDraft(input: {
  ownerKey: string;
  formId: string;
  formVersion: number;
  stepId: string;
  answers: Record<string, unknown>;
  municipality: string | null;
  personId: number | null;
  now?: Date;
}): Draft {
  const now = input.now ?? new Date();
  const content = JSON.stringify({ a: input.answers, m: input.municipality });
  const values = {
    formVersion: input.formVersion,
    stepId: input.stepId,
    data: encrypt(content),
    updatedAt: now.toISOString(),
    expiresAt: expiry(now),
  };
  const statements = draftStatements();
  return withoutWaitingForDisk(() =>
    statements.inTransaction(() => {
      const s = statements.existing;
      const existing = input.personId
        ? s.person.get({ ownerKey: input.ownerKey, personId: input.personId, formId: input.formId })
        : s.browser.get({ ownerKey: input.ownerKey, formId: input.formId });
      const row = existing
        ? statements.update.get({ ...values, id: existing.id })
        : statements.insert.get({
            ...values,
            formId: input.formId,
            ownerKey: input.ownerKey,
            personId: input.personId,
            createdAt: now.toISOString(),
          });
      // What was just encrypted is not decrypted again, now or at the next read: the same content, parsed.
      rememberPlaintext(row.id, row.data, content);
      return toDraft(row, content);
    }),
  );
}

/**
 * Keeps the working copy for later. Logged in: bound to the person. Anonymous: returns a new
 * secret token for the resume link (any earlier link for this draft stops working).
 */
export function saveDraftForLater(input: {
  ownerKey: string;
  formId: string;
  personId: number | null;
  now?: Date;
}): { token: string | null } | undefined {
  const now = input.now ?? new Date();
  const draft = getWorkingDraft(input);
  if (!draft) return undefined;
  if (input.personId !== null) {
    db()
      .update(formDraft)
      .set({ personId: input.personId, expiresAt: expiry(now) })
      .where(eq(formDraft.id, draft.id))
      .run();
    return { token: null };
  }
  const token = randomBytes(32).toString("base64url");
  db()
    .update(formDraft)
    .set({ tokenHash: hmacIndex(`draft:${token}`), expiresAt: expiry(now) })
    .where(eq(formDraft.id, draft.id))
    .run();
  return { token };
}

/**
 * Opens a resume link: the draft (and its uploads) now belong to this owner, the logged-in
 * person (personId) or this browser. The secret link is the one deliberate hand-over.
 */
export function resumeDraft(input: {
  token: string;
  ownerKey: string;
  personId?: number | null;
  now?: Date;
}): Draft | undefined {
  if (!TOKEN.test(input.token)) return undefined;
  const now = (input.now ?? new Date()).toISOString();
  return db().transaction((tx) => {
    const row = tx
      .select()
      .from(formDraft)
      .where(and(eq(formDraft.tokenHash, hmacIndex(`draft:${input.token}`)), gt(formDraft.expiresAt, now)))
      .get();
    if (!row) return undefined;
    const personId = input.personId ?? null;
    // A person's saved draft is resumed only by that person (Mina sidor), never through a link.
    if (row.personId !== null && row.personId !== personId) return undefined;
    if (row.ownerKey !== input.ownerKey || row.personId !== personId) {
      // Another working copy of the same form for this owner gives way to the resumed one.
      tx.delete(formDraft)
        .where(and(ownedBy(input.ownerKey, personId), eq(formDraft.formId, row.formId), ne(formDraft.id, row.id)))
        .run();
      tx.update(caseAttachment)
        .set({ ownerKey: input.ownerKey })
        .where(
          and(
            eq(caseAttachment.ownerKey, row.ownerKey),
            eq(caseAttachment.formId, row.formId),
            isNull(caseAttachment.caseId),
          ),
        )
        .run();
      tx.update(formDraft).set({ ownerKey: input.ownerKey, personId }).where(eq(formDraft.id, row.id)).run();
    }
    return toDraft({ ...row, ownerKey: input.ownerKey, personId });
  });
}

export function deleteDraftByToken(token: string): boolean {
  if (!TOKEN.test(token)) return false;
  return (
    db()
      .delete(formDraft)
      .where(eq(formDraft.tokenHash, hmacIndex(`draft:${token}`)))
      .run().changes > 0
  );
}

/**
 * Ends the working copy after its case was filed. Without waiting for the disk (decision 150):
 * the case's own commit is the acknowledgement and was synced before; a working copy a power cut
 * brings back is sent again only as a repeat (its idempotency key finds the case). Inside the
 * send's transaction (146) the send's commit decides.
 */
export function deleteWorkingDraft(input: { ownerKey: string; formId: string; personId?: number | null }) {
  const s = draftStatements().remove;
  withoutWaitingForDisk(() => {
    if (input.personId) s.person.run({ ownerKey: input.ownerKey, personId: input.personId, formId: input.formId });
    else s.browser.run({ ownerKey: input.ownerKey, formId: input.formId });
  });
}

/** For Mina sidor: a person's saved drafts, newest first. */
/**
 * A person's drafts for the party they act for now (`ownerKey`, personOwnerKey; decision 114),
 * and how many they have for other parties (themselves or an organisation), to say so.
 */
export function listDraftsForPerson(personId: number, ownerKey: string, now = new Date()) {
  const rows = db()
    .select({
      id: formDraft.id,
      ownerKey: formDraft.ownerKey,
      formId: formDraft.formId,
      stepId: formDraft.stepId,
      updatedAt: formDraft.updatedAt,
      expiresAt: formDraft.expiresAt,
    })
    .from(formDraft)
    .where(and(eq(formDraft.personId, personId), gt(formDraft.expiresAt, now.toISOString())))
    .orderBy(desc(formDraft.updatedAt))
    .all();
  const mine = rows.filter((r) => r.ownerKey === ownerKey);
  let nextExpiry = Infinity;
  for (const r of rows) nextExpiry = Math.min(nextExpiry, Date.parse(r.expiresAt));
  return {
    drafts: mine.map(({ ownerKey: _key, ...r }) => r),
    forOtherParties: rows.length - mine.length,
    /** When the first of these drafts (any party's) expires and the list changes by the clock. */
    nextExpiry,
  };
}
