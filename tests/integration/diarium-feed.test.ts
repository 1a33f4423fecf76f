import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { Area } from "~/domain/areas";
import { administration, diariumEntry, municipality } from "../../db/schema/index";
import { DIARIUM_CANARY } from "../../db/seed/content/diarium";
import { child, childrenNamed, parseXmlStrict, text, XmlError, type XmlElement } from "../helpers/xml-strict";
import { db, prepareDatabase } from "~/db.server";
import * as atomRoute from "~/routes/diarium[.]atom";
import * as rssRoute from "~/routes/diarium[.]rss";
import * as page from "~/routes/diarium";
import * as newsAtom from "~/routes/$kommun.nyheter[.]atom";
import * as newsRss from "~/routes/$kommun.nyheter[.]rss";
import { diariumSearchText } from "~/services/diarium-text.server";
import { DIARIUM_FEED_SIZE, searchDiarium } from "~/services/diarium.server";
import { escapeXml } from "~/services/feeds.server";
import { pageMeta } from "~/utils/meta";

type Loader = (args: { request: Request; params: object; context: object }) => Promise<Response>;
const call = (route: { loader: unknown }, path: string, init: RequestInit = {}, params: object = {}) =>
  (route.loader as Loader)({ request: new Request(`http://portal.test${path}`, init), params, context: {} });

/** A private person who is a party to every case below: must never be in a feed. */
const PROTECTED = "Skyddad Persson-Z9K";
/** An organisation's name as a hostile registrant might type it. */
const HOSTILE_ORG = `<script>alert("x")</script> & Söner ]]> 'AB' \u0001\u0008\uFFFE\uD800 <![CDATA[ &amp; &#0;`;
/** What a reader sees of it, as text (the database already turns a lone surrogate into U+FFFD). */
const HOSTILE_ORG_SHOWN_START = `Part: <script>alert("x")</script> & Söner ]]> 'AB' `;
const xmlSafe = (s: string) => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "");
const HOSTILE_SUBJECT = `Storgatan 1 </title><injected/> & "gatlykta" \u000B`;

function insert(values: {
  reference: string;
  municipality: string;
  administration: string;
  caseType: string;
  area: Area;
  sensitivity: string;
  subject: string | null;
  partyKind: string;
  partyName: string | null;
  registeredAt: string;
}) {
  const m = db()
    .select({ id: municipality.id })
    .from(municipality)
    .where(eq(municipality.slug, values.municipality))
    .get()!;
  const a = db()
    .select({ id: administration.id })
    .from(administration)
    .where(and(eq(administration.municipalityId, m.id), eq(administration.slug, values.administration)))
    .get()!;
  const row = { ...values, municipalityId: m.id, administrationId: a.id, status: "received" as const };
  db()
    .insert(diariumEntry)
    .values({ ...row, searchText: diariumSearchText(row) })
    .run();
}

beforeAll(() => {
  prepareDatabase();
  // Newer than anything seeded, so that they lead every feed they belong to.
  const at = (minute: number) => `2030-01-01T10:${String(minute).padStart(2, "0")}:00.000Z`;
  const common: { area: Area } & Record<
    "municipality" | "administration" | "caseType" | "partyKind" | "partyName",
    string
  > = {
    municipality: "amal",
    administration: "samhallsbyggnad",
    caseType: "felanmalan-gata-park",
    area: "allmant",
    partyKind: "person",
    partyName: PROTECTED,
  };
  insert({
    ...common,
    reference: "AML-2030-900001",
    sensitivity: "public",
    subject: HOSTILE_SUBJECT,
    registeredAt: at(1),
  });
  insert({
    ...common,
    reference: "AML-2030-900002",
    sensitivity: "personal",
    subject: `Klagomål från ${PROTECTED}`,
    registeredAt: at(2),
  });
  insert({
    ...common,
    reference: "AML-2030-900003",
    administration: "barn-och-utbildning",
    caseType: "forskola-ansokan",
    area: "barnomsorg",
    sensitivity: "public",
    subject: `Plats för ${PROTECTED}`,
    registeredAt: at(3),
  });
  insert({
    ...common,
    reference: "AML-2030-900004",
    sensitivity: "public",
    subject: "Torget, nedskräpning",
    partyKind: "organisation",
    partyName: HOSTILE_ORG,
    registeredAt: at(4),
  });
  insert({
    ...common,
    reference: "MEL-2030-900005",
    municipality: "mellerud",
    sensitivity: "public",
    subject: "Ån vid Kvarnen, fallna träd",
    registeredAt: at(5),
  });
});

async function feedOf(route: { loader: unknown }, path: string) {
  const response = await call(route, path);
  const body = await response.text();
  return { response, body, root: parseXmlStrict(body) };
}

const atomEntries = (root: XmlElement) =>
  childrenNamed(root, "entry").map((e) => ({
    id: text(child(e, "id")),
    title: text(child(e, "title")),
    summary: text(child(e, "summary")),
    link: child(e, "link").attrs.href!,
  }));
const rssItems = (root: XmlElement) =>
  childrenNamed(child(root, "channel"), "item").map((e) => ({
    id: text(child(e, "guid")),
    title: text(child(e, "title")),
    summary: text(child(e, "description")),
    link: text(child(e, "link")),
  }));

describe("the strict XML checker used below", () => {
  it("accepts a well-formed document and rejects ill-formed ones", () => {
    expect(
      text(
        parseXmlStrict('<?xml version="1.0" encoding="UTF-8"?>\n<a x="1&amp;2"><b>&lt;&#229;&#x10000;</b><c/></a>\n'),
      ),
    ).toBe("<å\u{10000}");
    for (const bad of [
      "<a><b></a></b>",
      "<a>&</a>",
      "<a>&nbsp;</a>",
      "<a>\u0001</a>",
      "<a x='<'/>",
      "<a/><b/>",
      "<a>]]></a>",
      "<a>&#1;</a>",
      "<a",
      "<a x=1/>",
      "<a x='1'x='2'/>",
      "<!-- c --><a/>",
    ]) {
      expect(() => parseXmlStrict(bad), bad).toThrow(XmlError);
    }
  });
});

describe("diarium feeds", () => {
  it("are well-formed Atom and RSS 2.0 with the right types, brief caching and conditional GET", async () => {
    const atom = await feedOf(atomRoute, "/diarium.atom");
    expect(atom.response.status).toBe(200);
    expect(atom.response.headers.get("Content-Type")).toBe("application/atom+xml; charset=utf-8");
    expect(atom.response.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(atom.root.name).toBe("feed");
    expect(atom.root.attrs.xmlns).toBe("http://www.w3.org/2005/Atom");
    expect(childrenNamed(atom.root, "entry")).toHaveLength(DIARIUM_FEED_SIZE);
    expect(child(atom.root, "updated").children[0]).toBe("2030-01-01T10:05:00.000Z");
    expect(childrenNamed(atom.root, "link").find((l) => l.attrs.rel === "self")?.attrs.href).toBe(
      "http://portal.test/diarium.atom",
    );

    const rss = await feedOf(rssRoute, "/diarium.rss");
    expect(rss.response.headers.get("Content-Type")).toBe("application/rss+xml; charset=utf-8");
    expect(rss.root.name).toBe("rss");
    expect(rss.root.attrs.version).toBe("2.0");
    expect(rssItems(rss.root).map((i) => i.id)).toEqual(atomEntries(atom.root).map((e) => e.id));
    expect(text(child(childrenNamed(child(rss.root, "channel"), "item")[0]!, "pubDate"))).toBe(
      "Tue, 01 Jan 2030 10:05:00 GMT",
    );

    const etag = atom.response.headers.get("ETag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await call(atomRoute, "/diarium.atom", { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await call(atomRoute, "/diarium.atom", { headers: { "If-None-Match": '"other"' } })).status).toBe(200);
  });

  it("never shows a protected party, in either format, filtered or not", async () => {
    for (const [route, path] of [
      [atomRoute, "/diarium.atom"],
      [rssRoute, "/diarium.rss"],
      [atomRoute, "/diarium.atom?kommun=amal"],
      [rssRoute, "/diarium.rss?kommun=amal&forvaltning=samhallsbyggnad&lang=en"],
      [atomRoute, "/diarium.atom?kommun=amal&forvaltning=barn-och-utbildning"],
      [rssRoute, "/diarium.rss?kommun=mellerud"],
    ] as const) {
      const { body } = await feedOf(route, path);
      for (const secret of [PROTECTED, "Persson-Z9K", DIARIUM_CANARY, "Hemligsson"]) {
        expect(body, `${path} ${secret}`).not.toContain(secret);
        expect(body.toLowerCase(), `${path} ${secret}`).not.toContain(secret.toLowerCase());
      }
    }
  });

  it("shows each entry exactly as the page's masking does: person masked, secret case bare, organisation named", async () => {
    const entries = atomEntries((await feedOf(atomRoute, "/diarium.atom?kommun=amal")).root);
    const byRef = new Map(entries.map((e) => [e.id.split(":").pop()!, e]));
    // The page, through the same projection, for the same entries.
    const onPage = new Map(searchDiarium({ q: "2030-9000" }, "sv").entries.map((e) => [e.reference, e]));
    expect([...onPage.keys()].sort()).toEqual([
      "AML-2030-900001",
      "AML-2030-900002",
      "AML-2030-900003",
      "AML-2030-900004",
      "MEL-2030-900005",
    ]);
    for (const ref of ["AML-2030-900001", "AML-2030-900002", "AML-2030-900003", "AML-2030-900004"]) {
      const e = byRef.get(ref)!;
      const p = onPage.get(ref)!;
      // The feed drops the characters XML cannot carry; nothing else differs.
      expect(e.summary).toBe(`Registrerat i Åmål, ${p.administration}. Part: ${xmlSafe(p.party)}.`);
      const subject = p.subject && xmlSafe(p.subject);
      expect(e.title).toBe(subject ? `${ref}: ${p.title} – ${subject}` : `${ref}: ${p.title}`);
      expect(e.link).toBe(`http://portal.test/diarium?q=${ref}`);
    }
    expect(byRef.get("AML-2030-900001")!.summary).toContain("Part: Privatperson.");
    // A public fault report shows its subject – hostile text arrives as text, minus the control character.
    expect(byRef.get("AML-2030-900001")!.title).toBe(
      `AML-2030-900001: ${onPage.get("AML-2030-900001")!.title} – Storgatan 1 </title><injected/> & "gatlykta" `,
    );
    // Personal: no subject at all (it named the person).
    expect(byRef.get("AML-2030-900002")!.title).toBe(`AML-2030-900002: ${onPage.get("AML-2030-900002")!.title}`);
    // Childcare is secret whatever the entry says: no subject, party "Sekretess".
    expect(byRef.get("AML-2030-900003")!.summary).toContain("Part: Sekretess.");
    expect(byRef.get("AML-2030-900003")!.title).toBe(`AML-2030-900003: ${onPage.get("AML-2030-900003")!.title}`);
    // An organisation is named, hostile characters and all, as plain text.
    const org = byRef.get("AML-2030-900004")!.summary;
    expect(org).toBe(
      `Registrerat i Åmål, ${onPage.get("AML-2030-900004")!.administration}. Part: ${xmlSafe(onPage.get("AML-2030-900004")!.party)}.`,
    );
    expect(org).toContain(HOSTILE_ORG_SHOWN_START);
    expect(org).toContain(" <![CDATA[ &amp; &#0;.");
    expect(byRef.has("MEL-2030-900005")).toBe(false);
  });

  it("the newest entries, in the page's order and with the page's masking", async () => {
    const feed = atomEntries(
      (await feedOf(atomRoute, "/diarium.atom?kommun=mellerud&forvaltning=samhallsbyggnad")).root,
    );
    const pageEntries = searchDiarium({ kommun: "mellerud", forvaltning: "samhallsbyggnad" }, "sv").entries;
    expect(feed.slice(0, pageEntries.length).map((e) => e.id.split(":").pop())).toEqual(
      pageEntries.map((e) => e.reference),
    );
    pageEntries.forEach((p, i) =>
      expect(feed[i]!.summary).toBe(`Registrerat i Mellerud, ${p.administration}. Part: ${p.party}.`),
    );
  });

  it("filters by municipality and administration, in English on request", async () => {
    const { root } = await feedOf(rssRoute, "/diarium.rss?kommun=mellerud&lang=en");
    const channel = child(root, "channel");
    expect(text(child(channel, "title"))).toBe("The register: new cases – Mellerud");
    expect(text(child(channel, "language"))).toBe("en");
    expect(text(child(channel, "link"))).toBe("http://portal.test/diarium?kommun=mellerud&lang=en");
    const items = rssItems(root);
    expect(items.length).toBeGreaterThan(10);
    for (const i of items) {
      expect(i.id).toMatch(/^tag:portal\.test,2026:en:diarium:MEL-\d{4}-\d{6}$/);
      expect(i.summary).toMatch(/^Registered in Mellerud, /);
      expect(i.link).toMatch(/&lang=en$/);
    }
    const school = atomEntries((await feedOf(atomRoute, "/diarium.atom?forvaltning=barn-och-utbildning")).root);
    expect(school.length).toBeGreaterThan(0);
    for (const e of school) expect(e.summary).toContain("Part: Sekretess.");
  });

  it("answers 400, not 500, for filters it does not know or honour", async () => {
    for (const path of [
      "/diarium.atom?kommun=oslo",
      "/diarium.rss?forvaltning=%3Cx%3E",
      "/diarium.atom?q=bygglov",
      "/diarium.atom?status=received",
      "/diarium.rss?sida=2",
      "/diarium.atom?foo=1",
    ]) {
      const res = await call(path.includes(".rss") ? rssRoute : atomRoute, path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("Content-Type")).toMatch(/^text\/plain/);
    }
  });
});

describe("feed discovery", () => {
  it("/diarium announces and links the feed for the chosen municipality and administration", async () => {
    const res = (await call(page, "/diarium?kommun=amal&forvaltning=samhallsbyggnad&q=x")) as unknown;
    // Remix loaders may return plain data or a Response-like `data()` result.
    const data = ((res as { data?: unknown }).data ?? res) as {
      feeds: { atom: string; rss: string; atomTitle: string; filters: string };
    };
    expect(data.feeds.atom).toBe("/diarium.atom?kommun=amal&forvaltning=samhallsbyggnad");
    expect(data.feeds.rss).toBe("/diarium.rss?kommun=amal&forvaltning=samhallsbyggnad");
    expect(data.feeds.filters).toMatch(/^Åmål, /);
    const meta = pageMeta({ data, matches: [], params: {}, location: {} as never, error: undefined } as never);
    expect(meta).toContainEqual(
      expect.objectContaining({
        tagName: "link",
        rel: "alternate",
        type: "application/atom+xml",
        href: data.feeds.atom,
      }),
    );
    expect(meta).toContainEqual(
      expect.objectContaining({ tagName: "link", rel: "alternate", type: "application/rss+xml", href: data.feeds.rss }),
    );
  });

  it("news feeds are well-formed too, and escaping drops what XML cannot carry", async () => {
    for (const [route, path] of [
      [newsAtom, "/amal/nyheter.atom"],
      [newsRss, "/amal/nyheter.rss?lang=en"],
    ] as const) {
      const res = await call(route, path, {}, { kommun: "amal" });
      const root = parseXmlStrict(await res.text());
      const entries =
        root.name === "feed" ? childrenNamed(root, "entry") : childrenNamed(child(root, "channel"), "item");
      expect(entries.length, path).toBeGreaterThan(0);
    }
    expect(escapeXml(`a\u0000b\uDC00c<&>"'\u{1F600}`)).toBe("abc&lt;&amp;&gt;&quot;&apos;\u{1F600}");
  });
});
