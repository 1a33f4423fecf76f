import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import type { Area } from "~/domain/areas";
import { administration, diariumEntry, municipality } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { diariumSearchText, shortGrams } from "~/services/diarium-text.server";
import { createCase } from "~/services/cases.server";
import { env } from "~/env.server";
import { getFixedT } from "~/i18n/i18n.server";
import { maskEntry } from "~/services/diarium-rules";
import { searchDiarium, type DiariumQuery } from "~/services/diarium.server";
import {
  indexQueuedDiariumEntries,
  startDiariumIndexer,
  stopDiariumIndexer,
} from "~/services/diarium-index-queue.server";

// The diarium's full-text index (docs/decisions/072): it holds only the public projection, it
// follows every write, and it answers exactly what the LIKE search answered before.

/** A private person's name and a secret subject: hidden by the masking rules (decision 017). */
const HIDDEN_NAME = "Gömda Hemligsdotter-W8R";
const HIDDEN_SUBJECT = "Lövängsgatan 9 orosanmälan";

function entry(values: {
  reference: string;
  area: Area;
  administration: string;
  sensitivity: string;
  subject: string | null;
  partyKind: string;
  partyName: string | null;
}) {
  const m = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, "mellerud")).get()!;
  const a = db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, values.administration)))
    .get()!;
  const row = {
    ...values,
    caseType: "felanmalan-gata-park",
    municipalityId: m.id,
    administrationId: a.id,
    status: "received" as const,
    registeredAt: "2031-06-01T09:00:00.000Z",
  };
  return db()
    .insert(diariumEntry)
    .values({ ...row, searchText: diariumSearchText(row) })
    .returning({ id: diariumEntry.id })
    .get();
}

/** A public entry with the word "gatlykta" (and "Torggatan"): what the remembered-count tests add. */
function streetLampEntry(reference: string) {
  return entry({
    reference,
    area: "allmant",
    administration: "samhallsbyggnad",
    sensitivity: "public",
    subject: "Torggatan 1, trasig gatlykta",
    partyKind: "none",
    partyName: null,
  });
}

/** What the index itself answers, bypassing the service: proves the index, not a filter, is clean. */
const inIndex = (word: string) =>
  db()
    .$client.prepare("select rowid from diarium_fts where diarium_fts match ?")
    .pluck()
    .all(`"${word.toLowerCase().replaceAll('"', '""')}"`) as number[];

const references = (q: string) => searchDiarium({ q }, "sv", 100).entries.map((e) => e.reference);

beforeAll(() => {
  prepareDatabase();
});

describe("the diarium index holds only what the public may see", () => {
  it("a secret entry's party and subject are in neither the index nor a search; its reference is", () => {
    const { id } = entry({
      reference: "MEL-2031-900001",
      area: "barnomsorg",
      administration: "barn-och-utbildning",
      sensitivity: "secret",
      subject: HIDDEN_SUBJECT,
      partyKind: "person",
      partyName: HIDDEN_NAME,
    });
    for (const hidden of ["Hemligsdotter", "gömda", "Lövängsgatan", "orosanmälan", "W8R"]) {
      expect(inIndex(hidden), hidden).toEqual([]);
      expect(searchDiarium({ q: hidden }, "sv").total, hidden).toBe(0);
    }
    // The control: the entry is indexed, under what the register shows.
    expect(inIndex("mel-2031-900001")).toEqual([id]);
    expect(references("MEL-2031-900001")).toEqual(["MEL-2031-900001"]);
  });

  it("a personal entry is indexed without the private person's name, an organisation's name with it", () => {
    entry({
      reference: "MEL-2031-900002",
      area: "allmant",
      administration: "samhallsbyggnad",
      sensitivity: "personal",
      subject: "Kvarnbäcksvägen 4",
      partyKind: "person",
      partyName: "Ingrid Dolda-Personsson",
    });
    entry({
      reference: "MEL-2031-900003",
      area: "allmant",
      administration: "samhallsbyggnad",
      sensitivity: "personal",
      subject: null,
      partyKind: "organisation",
      partyName: "Sillerudsbyggarna AB",
    });
    expect(inIndex("Dolda-Personsson")).toEqual([]);
    expect(inIndex("Kvarnbäcksvägen")).toEqual([]);
    expect(references("sillerudsbyggarna")).toEqual(["MEL-2031-900003"]);
  });
});

describe("the diarium index follows every write", () => {
  it("an edit of an entry's text moves it in the index, and a removal takes it out", () => {
    const { id } = entry({
      reference: "MEL-2031-900010",
      area: "allmant",
      administration: "samhallsbyggnad",
      sensitivity: "public",
      subject: "Blåklintsgatan 7, trasig gatlykta",
      partyKind: "none",
      partyName: null,
    });
    expect(references("blåklintsgatan")).toEqual(["MEL-2031-900010"]);

    const row = db().select().from(diariumEntry).where(eq(diariumEntry.id, id)).get()!;
    const edited = { ...row, subject: "Vitsippsvägen 3, trasig gatlykta" };
    db()
      .update(diariumEntry)
      .set({ subject: edited.subject, searchText: diariumSearchText(edited) })
      .where(eq(diariumEntry.id, id))
      .run();
    expect(inIndex("blåklintsgatan")).toEqual([]);
    expect(references("blåklintsgatan")).toEqual([]);
    expect(references("vitsippsvägen")).toEqual(["MEL-2031-900010"]);

    db().delete(diariumEntry).where(eq(diariumEntry.id, id)).run();
    expect(inIndex("vitsippsvägen")).toEqual([]);
    expect(searchDiarium({ q: "vitsippsvägen" }, "sv").total).toBe(0);
    // The index is consistent with its table (FTS5's own check of an external-content index).
    expect(() =>
      db().$client.exec("insert into diarium_fts(diarium_fts, rank) values ('integrity-check', 1)"),
    ).not.toThrow();
  });
});

describe("the index answers what the substring search answered", () => {
  type Filters = Omit<DiariumQuery, "q" | "sida">;
  /**
   * The search before decision 072, as a reference: LIKE '%word%' for every word, wildcards
   * literal, the filters by join, newest first; no index of any kind is asked.
   */
  function likeSearch(q: string, offset = 0, filters: Filters = {}) {
    const words = q
      .toLowerCase()
      .split(/[\s\0]+/)
      .filter(Boolean)
      .slice(0, 8);
    const params: string[] = words.map((w) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const where = words.map(() => "e.search_text like ? escape '\\'");
    if (filters.kommun) {
      where.push("m.slug = ?");
      params.push(filters.kommun);
    }
    if (filters.forvaltning) {
      where.push("a.slug = ?");
      params.push(filters.forvaltning);
    }
    if (filters.status) {
      where.push("e.status = ?");
      params.push(filters.status);
    }
    if (filters.fran) {
      where.push("e.registered_at >= ?");
      params.push(`${filters.fran}T00:00:00`);
    }
    if (filters.till) {
      where.push("substr(e.registered_at, 1, 10) <= ?");
      params.push(filters.till);
    }
    const from = `diarium_entry e join municipality m on m.id = e.municipality_id
      join administration a on a.id = e.administration_id where ${where.join(" and ") || "1"}`;
    const sqlite = db().$client;
    const total = (sqlite.prepare(`select count(*) as n from ${from}`).get(...params) as { n: number }).n;
    const page = sqlite
      .prepare(`select e.reference from ${from} order by e.registered_at desc, e.id desc limit 25 offset ${offset}`)
      .pluck()
      .all(...params) as string[];
    return { total, page };
  }

  it.each([
    ["a word", "gatubelysning"],
    ["a prefix", "bygg"],
    ["å, ä and ö typed", "förskola"],
    ["capitals", "ÅMÅL"],
    ["not folded: far is not får", "far"],
    ["several words", "felanmälan åmål"],
    ["one letter (no trigram: the short-word index)", "x"],
    ["one letter found in most entries", "e"],
    ["one Swedish letter", "å"],
    ["a capital Swedish letter", "Ö"],
    ["a digit", "7"],
    ["a hyphen", "-"],
    ["two letters", "ed"],
    ["two letters, another", "bo"],
    ["two short words", "ed å"],
    ["a short and a long word", "ed bygglov"],
    ["a long word and a short one found in few entries", "bygglov x"],
    ["LIKE wildcards are literal", "100%"],
    ["an underscore is literal", "a_b"],
    ["a short wildcard is literal", "%"],
    ["a short underscore is literal", "_"],
    ["a short quote", 'a"'],
    ["FTS5 syntax is literal", 'NEAR("x" *'],
    ["a quote inside a word", 'gata"n'],
    ["OR is a word", "bygglov OR skola"],
    ["a NUL character separates words (FTS5 would stop reading at it)", "gata\u0000belysning"],
    ["a lone surrogate and combining marks", "\uD800gata \u0301\u0301\u0301"],
    ["a lone surrogate alone", "\uD800"],
    ["a combining mark alone", "\u0301"],
    ["no hits", "qwzxv"],
  ])("%s (%s): the same total and first page", (_, q) => {
    const result = searchDiarium({ q }, "sv");
    const expected = likeSearch(q);
    expect(result.total).toBe(expected.total);
    expect(result.entries.map((e) => e.reference)).toEqual(expected.page);
  });

  it("the short-word cases are not all empty (the comparison above can fail)", () => {
    for (const q of ["x", "e", "å", "ed", "bo", "-", "7"]) expect(likeSearch(q).total, q).toBeGreaterThan(0);
  });

  it.each<[string, string, Filters]>([
    ["a word in one municipality", "bygglov", { kommun: "amal" }],
    ["a short word in one municipality", "ed", { kommun: "dals-ed" }],
    ["one letter and a status", "å", { status: "received" }],
    ["a word in one administration", "gata", { forvaltning: "samhallsbyggnad" }],
    ["a word between two dates", "förskola", { fran: "2024-01-01", till: "2025-06-30" }],
    ["two letters, a municipality and dates", "bo", { kommun: "bengtsfors", fran: "2023-01-01", till: "2026-12-31" }],
    [
      "every filter",
      "a",
      {
        kommun: "mellerud",
        forvaltning: "samhallsbyggnad",
        status: "received",
        fran: "2020-01-01",
        till: "2031-12-31",
      },
    ],
    ["filters without text", "", { kommun: "amal", status: "decided" }],
    ["an unknown municipality finds nothing", "bygglov", { kommun: "ingenstans" }],
  ])("%s: the same total and first page", (_, q, filters) => {
    const result = searchDiarium({ q, ...filters }, "sv");
    const expected = likeSearch(q, 0, filters);
    expect(result.total).toBe(expected.total);
    expect(result.entries.map((e) => e.reference)).toEqual(expected.page);
  });

  it.each<[string, Filters]>([
    ["bygglov", {}],
    ["gata", { forvaltning: "samhallsbyggnad" }],
    ["e", { fran: "2020-01-01", till: "2031-12-31" }],
    ["a", { kommun: "mellerud" }],
    ["an bygglov", {}],
    ["gata", {}],
    ["e", {}],
    ["ed", {}],
    ["å", { kommun: "amal" }],
    ["a", { status: "received" }],
  ])("the last page of %s %o is the same rows as LIKE's", (q, filters) => {
    const { total } = likeSearch(q, 0, filters);
    const last = Math.ceil(total / 25);
    expect(last).toBeGreaterThan(1);
    for (const sida of [2, Math.ceil(last / 2), last]) {
      const result = searchDiarium({ q, sida, ...filters }, "sv");
      expect(result.page).toBe(sida);
      expect(result.entries.map((e) => e.reference)).toEqual(likeSearch(q, (sida - 1) * 25, filters).page);
    }
  });
});

describe("a search's count is remembered only while the register is unchanged (decision 126)", () => {
  /**
   * The statements `fn` runs that count or ask a text index: none when the count was remembered
   * (a search of at most 3,000 matches reads its ids instead of counting them, decision 131).
   */
  function counting(fn: () => unknown): string[] {
    const client = db().$client;
    const prepare = client.prepare;
    const seen: string[] = [];
    client.prepare = function (this: typeof client, source: string) {
      if (/count\(|diarium_fts/i.test(source)) seen.push(source);
      return prepare.call(this, source);
    } as typeof prepare;
    try {
      fn();
    } finally {
      client.prepare = prepare;
    }
    return seen;
  }
  const total = (q: DiariumQuery) => searchDiarium(q, "sv").total;

  it("a repeated search or another page of it counts nothing again; a write here or in another connection does", () => {
    const first = total({ q: "gata" });
    expect(first).toBeGreaterThan(25);
    expect(counting(() => expect(total({ q: "gata" })).toBe(first))).toEqual([]);
    expect(counting(() => expect(total({ q: "gata", sida: 2 })).toBe(first))).toEqual([]);
    // Another search is counted.
    expect(counting(() => total({ q: "gatan" }))).not.toEqual([]);

    // A write on this connection: a new entry with the word.
    streetLampEntry("MEL-2031-900020");
    expect(total({ q: "gata" })).toBe(first + 1);

    // A write by another connection (another process: a restore, the bench's writer).
    const other = new Database(env().DATABASE_PATH);
    try {
      other.prepare("delete from diarium_entry where reference = ?").run("MEL-2031-900020");
    } finally {
      other.close();
    }
    expect(total({ q: "gata" })).toBe(first);
  });

  it("a word inside another word of the search, or another order of the words, is the same search (decision 131)", () => {
    const gatan = searchDiarium({ q: "gatan" }, "sv");
    expect(gatan.total).toBeGreaterThan(0);
    expect(gatan.total).toBeLessThan(total({ q: "gata" }));
    for (const q of ["gatan gata", "gata gatan", "atan gatan gat", "GATAN gatan"])
      expect(counting(() => expect(searchDiarium({ q }, "sv")).toEqual(gatan))).toEqual([]);
    // Two words neither of which holds the other are both asked for.
    const both = total({ q: "gatan torg" });
    expect(both).toBeLessThan(gatan.total);
    expect(counting(() => expect(total({ q: "torg gatan" })).toBe(both))).toEqual([]);
  });

  it("the pages of a remembered search ask no text index again, and are the pages a first search gives", () => {
    const first = searchDiarium({ q: "gata", sida: 2 }, "sv");
    expect(first.entries.length).toBeGreaterThan(0);
    const remembered = searchDiarium({ q: "gata", sida: 2 }, "sv");
    expect(remembered).toEqual(first);
    expect(counting(() => searchDiarium({ q: "gata", sida: 1 }, "sv"))).toEqual([]);
    expect(counting(() => expect(searchDiarium({ q: "gata", sida: 2 }, "sv")).toEqual(first))).toEqual([]);
  });

  it("filters are part of what is remembered", () => {
    const all = total({ q: "gata" });
    const one = total({ q: "gata", kommun: "mellerud" });
    expect(one).toBeLessThan(all);
    expect(total({ q: "gata", kommun: "mellerud" })).toBe(one);
  });

  it("inside a transaction nothing is remembered: a rollback takes back rows without a trace", () => {
    const before = total({ q: "gata" });
    const client = db().$client;
    expect(() =>
      client.transaction(() => {
        streetLampEntry("MEL-2031-900021");
        expect(total({ q: "gata" })).toBe(before + 1);
        throw new Error("rolled back");
      })(),
    ).toThrow("rolled back");
    expect(total({ q: "gata" })).toBe(before);
  });
});

describe("a page's texts are translated once per page, as each row would be (decision 139)", () => {
  it.each(["sv", "en"] as const)("every entry's case type, status and party in %s are i18next's own", (lang) => {
    const t = getFixedT(lang, "diarium");
    const te = getFixedT(lang, "eservice");
    const rows = db()
      .select({
        reference: diariumEntry.reference,
        caseType: diariumEntry.caseType,
        status: diariumEntry.status,
        sensitivity: diariumEntry.sensitivity,
        area: diariumEntry.area,
        administrationSlug: administration.slug,
        subject: diariumEntry.subject,
        partyKind: diariumEntry.partyKind,
        partyName: diariumEntry.partyName,
      })
      .from(diariumEntry)
      .innerJoin(administration, eq(administration.id, diariumEntry.administrationId))
      .all();
    const byReference = new Map(rows.map((r) => [r.reference, r]));
    const seen = { caseTypes: new Set<string>(), statuses: new Set<string>(), parties: new Set<string>() };
    for (const sida of [1, 2, 3, 4]) {
      for (const e of searchDiarium({ q: "a", sida }, lang).entries) {
        const row = byReference.get(e.reference)!;
        const party = maskEntry(row).party;
        expect(e.title).toBe(t(`caseTypes.${row.caseType}`, { defaultValue: row.caseType }));
        expect(e.statusLabel).toBe(te(`caseStatus.${row.status}`, { defaultValue: row.status }));
        expect(e.party).toBe(party.kind === "organisation" ? party.name : t(`party.${party.kind}`));
        seen.caseTypes.add(row.caseType);
        seen.statuses.add(row.status);
        seen.parties.add(party.kind);
      }
    }
    // Pages with several of each, so that a text remembered for the wrong key would show.
    expect(seen.caseTypes.size).toBeGreaterThan(2);
    expect(seen.statuses.size).toBeGreaterThan(1);
    expect(seen.parties.size).toBeGreaterThan(1);
  });
});

describe("a sent entry is queued and indexed in batches; every search indexes the queue first (decision 171)", () => {
  /** The grams the insert trigger's recursive CTE makes (migration 0044), asked of SQLite itself. */
  /** As stored: the bytes SQLite holds (a lone surrogate is written as three bytes, read back as three U+FFFD). */
  const cteGrams = (text: string) =>
    db()
      .$client.prepare(
        `WITH RECURSIVE c(i, out) AS (SELECT 1, char(2) UNION ALL SELECT i + 1, out || substr(lower(:t), i, 1) || char(2)
         FROM c WHERE i <= length(:t)) SELECT hex(out) FROM c WHERE i = length(:t) + 1`,
      )
      .pluck()
      .get({ t: text }) as string;
  const stored = (grams: string | null) => db().$client.prepare("select hex(?)").pluck().get(grams) as string;
  const shortIndex = (token: string) =>
    db()
      .$client.prepare("select rowid from diarium_fts_short where diarium_fts_short match ?")
      .pluck()
      .all(`"${token.replaceAll('"', '""')}"`) as number[];
  const queued = () => db().$client.prepare("select id from diarium_fts_queue order by id").pluck().all() as number[];
  const flags = () => db().$client.prepare("select count(*) from diarium_fts_defer").pluck().get();
  /**
   * FTS5's own check of an external-content index against its table: throws when they differ. With
   * entries queued it differs by design (the table has rows the index has not yet): asked when the
   * queue is empty only.
   */
  const integrityCheck = () => {
    expect(queued()).toEqual([]);
    db().$client.prepare("insert into diarium_fts(diarium_fts, rank) values ('integrity-check', 1)").run();
    db().$client.prepare("insert into diarium_fts_short(diarium_fts_short) values ('integrity-check')").run();
  };
  let sent = 0;
  function send(subject: string, partyName = "Ωmega AB") {
    const m = db().select({ id: municipality.id }).from(municipality).where(eq(municipality.slug, "mellerud")).get()!;
    const a = db()
      .select({ id: administration.id })
      .from(administration)
      .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, "samhallsbyggnad")))
      .get()!;
    sent++;
    const made = createCase({
      idempotencyKey: `key-fts-queue-${String(sent).padStart(10, "0")}`,
      municipalityId: m.id,
      administrationId: a.id,
      formId: "felanmalan-gata-park",
      formVersion: 1,
      area: "allmant",
      sensitivity: "public",
      data: { category: "gatubelysning" },
      sensitiveData: null,
      applicantPersonId: null,
      applicantOrganisationId: null,
      submittedByPersonId: null,
      contactEmail: null,
      submitterKey: "owner-fts-queue",
      language: "sv",
      decisionDays: null,
      diarium: { subject, partyKind: "organisation", partyName },
      attachments: { publicIds: [], ownerKey: "owner-fts-queue" },
    });
    return db().select().from(diariumEntry).where(eq(diariumEntry.caseId, made.id)).get()!;
  }

  it("shortGrams is the CTE's text for every kind of character", () => {
    const texts = [
      "",
      "a",
      "ben-2026-000573 felanmälan gata och park fault report, streets and parks",
      "ÅÄÖ ABC Éé ß ǅ İ ﬀ",
      "emoji 😀 and 𝔘 astral, e\u0301 combining, tab\tnew\nline",
      "lone \ud800 surrogate",
      "x".repeat(5000),
    ];
    for (const text of texts) expect(stored(shortGrams(text)), JSON.stringify(text.slice(0, 40))).toBe(cteGrams(text));
    expect(shortGrams("nul\u0000inside")).toBeNull();
  });

  it("the send queues its entry and leaves no flag; any other writer is indexed at once and queues nothing", () => {
    indexQueuedDiariumEntries();
    const viaSend = send("Qköord trasig");
    expect(queued()).toEqual([viaSend.id]);
    expect(flags()).toBe(0);
    expect(inIndex("qköord")).not.toContain(viaSend.id);
    const viaWriter = streetLampEntry("MEL-2031-000171");
    expect(queued()).toEqual([viaSend.id]);
    expect(inIndex("gatlykta")).toContain(viaWriter.id);
    expect(indexQueuedDiariumEntries()).toBe(1);
    expect(inIndex("qköord")).toEqual([viaSend.id]);
    integrityCheck();
  });

  it("a search indexes the queue first, so it finds an entry sent a moment ago; the queue is then empty", () => {
    const viaSend = send("Sökbarnu lampa");
    expect(queued()).toContain(viaSend.id);
    expect(references("sökbarnu")).toEqual([viaSend.reference]);
    expect(references("ω")).toContain(viaSend.reference);
    expect(queued()).toEqual([]);
    expect(inIndex("sökbarnu")).toEqual([viaSend.id]);
    integrityCheck();
  });

  it("an entry indexed from the queue is in the short-word index as one the trigger made", () => {
    const viaSend = send("Qz Åx 7É trasig");
    expect(indexQueuedDiariumEntries()).toBeGreaterThanOrEqual(1);
    // The same text written as any other writer writes it: the trigger's CTE.
    const { id: _id, caseId: _caseId, ...rest } = viaSend;
    const viaTrigger = db()
      .insert(diariumEntry)
      .values({ ...rest, reference: `${viaSend.reference}-T` })
      .returning({ id: diariumEntry.id })
      .get();
    const text = viaSend.searchText.toLowerCase();
    const chars = [...text];
    const tokens = [...chars.map((c) => `\u0002${c}\u0002`), ...chars.slice(1).map((c, i) => `${chars[i]}\u0002${c}`)];
    expect(tokens.length).toBeGreaterThan(40);
    for (const token of tokens) {
      const found = shortIndex(token);
      expect(found, JSON.stringify(token)).toContain(viaSend.id);
      expect(found, JSON.stringify(token)).toContain(viaTrigger.id);
    }
    // Something not in the text finds neither (the check above can fail).
    expect(shortIndex("\u0002¤\u0002")).not.toContain(viaSend.id);
    integrityCheck();
  });

  it("a queued entry that is erased or re-texted before its batch leaves both indexes consistent", () => {
    const erased = send("Raderasnu lampa");
    const retexted = send("Gammaltext lampa");
    expect(queued()).toEqual(expect.arrayContaining([erased.id, retexted.id]));
    db().delete(diariumEntry).where(eq(diariumEntry.id, erased.id)).run();
    db()
      .update(diariumEntry)
      .set({ searchText: `${retexted.searchText} nyttextord` })
      .where(eq(diariumEntry.id, retexted.id))
      .run();
    expect(queued()).toEqual([]);
    integrityCheck();
    expect(references("raderasnu")).toEqual([]);
    expect(references("nyttextord")).toEqual([retexted.reference]);
    // An indexed entry erased later is removed from the index, as before.
    db().delete(diariumEntry).where(eq(diariumEntry.id, retexted.id)).run();
    integrityCheck();
    expect(references("nyttextord")).toEqual([]);
  });

  it("a send that rolls back after its entry leaves neither a queued id nor a flag", () => {
    const before = queued();
    const client = db().$client;
    // The outbox row is the send's last write, after the flag and the entry.
    client.exec(
      "create temp trigger fail_outbox before insert on case_export begin select raise(abort, 'outbox'); end",
    );
    try {
      expect(() => send("Rullasbak lampa")).toThrow(/outbox/);
    } finally {
      client.exec("drop trigger temp.fail_outbox");
    }
    expect(queued()).toEqual(before);
    expect(flags()).toBe(0);
    expect(references("rullasbak")).toEqual([]);
  });

  it("an entry whose text holds a NUL character is indexed from the queue by the trigger's SQL", () => {
    indexQueuedDiariumEntries();
    const client = db().$client;
    const source = send("Nollsource lampa");
    indexQueuedDiariumEntries();
    const { id: _id, caseId: _caseId, ...rest } = source;
    client.prepare("insert into diarium_fts_defer (id) values (1)").run();
    const made = db()
      .insert(diariumEntry)
      .values({ ...rest, reference: `${source.reference}-N`, searchText: "före\u0000efter nollteckenord" })
      .returning({ id: diariumEntry.id })
      .get();
    expect(queued()).toEqual([made.id]);
    expect(indexQueuedDiariumEntries()).toBe(1);
    integrityCheck();
    expect(inIndex("före")).toContain(made.id);
    expect(shortIndex("\u0002f\u0002")).toContain(made.id);
  });

  it("a batch takes at most what it is given; the next takes the rest, oldest first", () => {
    indexQueuedDiariumEntries();
    const made = Array.from({ length: 40 }, (_, k) => send(`Delvis${k}q lampa`));
    expect(indexQueuedDiariumEntries(16)).toBe(16);
    expect(queued()).toEqual(made.slice(16).map((e) => e.id));
    expect(indexQueuedDiariumEntries(16)).toBe(16);
    expect(indexQueuedDiariumEntries(16)).toBe(8);
    expect(indexQueuedDiariumEntries(16)).toBe(0);
    integrityCheck();
  });

  it("the running portal's batches index what is sent without a search, between requests", async () => {
    startDiariumIndexer();
    try {
      const made = Array.from({ length: 40 }, (_, k) => send(`Satsvis${k}q lampa`));
      // Sent in one go (no turn of the event loop between): all still queued.
      expect(queued()).toHaveLength(40);
      const until = Date.now() + 5_000;
      while (queued().length > 0 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      expect(queued()).toEqual([]);
      for (const e of made)
        expect(inIndex(e.searchText.split(" ").find((w) => w.startsWith("satsvis"))!)).toEqual([e.id]);
      integrityCheck();
    } finally {
      stopDiariumIndexer();
    }
    // Stopped: a later send stays queued until a search or the next start.
    const later = send("Efterstopp lampa");
    await new Promise((r) => setTimeout(r, 600));
    expect(queued()).toEqual([later.id]);
    expect(references("efterstopp")).toEqual([later.reference]);
  });
});
