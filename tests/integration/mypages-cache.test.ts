import type { LoaderFunctionArgs } from "@remix-run/node";
import type Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { createSession, getSessionUserUnlessActingForOrganisation, revokeSession } from "~/auth/session.server";
import { db, prepareDatabase } from "~/db.server";
import { myPagesCacheEligible, myPagesVersion, myPagesView } from "~/http/mypages-cache.server";
import { audit } from "~/platform/audit.server";
import * as root from "~/root";
import * as route from "~/routes/mina-sidor._index";
import { viewerFor } from "./people-helper";

// Mina sidor's render cache (decision 124): a cached page is only as good as page_version, so
// every table the page's loaders read must bump it. The SQL the root and page loaders run is
// caught here and checked against the triggers of migration 0046.

const SEED = "s".repeat(43);
const context = { requestId: "t", cspNonce: "", clientIp: "10.0.0.1" };
let cookie = "";
let sessionId = "";
let personId = 0;

beforeAll(async () => {
  prepareDatabase();
  personId = viewerFor("197504049292", "Johan Andersson").personId;
  const s = await createSession(new Request("http://localhost/"), { kind: "resident", personId });
  cookie = `${s.setCookie.split(";")[0]}; csrf=${SEED}`;
  sessionId = s.sessionId;
});

/** Table names in drizzle's SQL (it quotes every identifier). */
function tablesIn(statement: string): string[] {
  const out: string[] = [];
  for (const m of statement.matchAll(/\b(?:from|join|update|into)\s+"([a-z_]+)"/gi)) out.push(m[1]!);
  return out;
}

describe("Mina sidor's render cache", () => {
  it("every table the root and Mina sidor loaders read has a trigger that bumps page_version", async () => {
    const seen: string[] = [];
    // Statements are prepared once per connection (decision 120), at their first use: this test
    // runs the loaders first in its module graph, so every statement they use is prepared here.
    const client = (db() as unknown as { $client: Database.Database }).$client;
    const real = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      seen.push(source);
      return real(source);
    }) as typeof client.prepare;
    try {
      const request = new Request("http://localhost/mina-sidor", { headers: { Cookie: cookie } });
      await root.loader({ request, params: {}, context } as LoaderFunctionArgs);
      await route.loader({ request, params: {}, context } as LoaderFunctionArgs);
    } finally {
      client.prepare = real as typeof client.prepare;
    }
    const read = new Set(seen.flatMap(tablesIn));
    // The session row is checked on every hit by the same code; page_version is the version itself.
    read.delete("session");
    read.delete("page_version");
    const triggers = db()
      .all<{ name: string }>(
        sql`select name from sqlite_master where type = 'trigger' and name like 'page_version_mypages_%'`,
      )
      .map((t) => t.name);
    const missing = [...read].filter(
      (t) => !["insert", "update", "delete"].every((op) => triggers.includes(`page_version_mypages_${t}_${op}`)),
    );
    expect([...read]).toEqual(expect.arrayContaining(["case", "notification", "form_draft", "audit_event", "person"]));
    expect(missing).toEqual([]);
  });

  it("a write the page shows bumps the version; a resident's own audit row does not", () => {
    const v0 = myPagesVersion();
    audit({ actor: null, action: "mypages.test", subjectType: "person", subjectId: String(personId), personId });
    expect(myPagesVersion()).toBe(v0);
    db().run(
      sql`insert into notification (recipient_hmac, kind, params, created_at) values ('x', 'case-received', '{}', '2026-12-05T10:00:00Z')`,
    );
    expect(myPagesVersion()).toBe(v0 + 1);
  });

  it("an anonymous working copy and a case without a person or organisation leave the version; a person's bump it (migration 0054)", () => {
    const draft = (personId: number | null, owner: string) =>
      db().run(
        sql`insert into form_draft (form_id, form_version, person_id, owner_key, data, step_id, expires_at) values ('felanmalan-gata-park', 1, ${personId}, ${owner}, '{}', 'plats', '2099-01-01T00:00:00Z')`,
      );
    /** A case naming the test person in `names` (as applicant or as sender), or no one. */
    const caseRow = (reference: string, names?: "applicant" | "sender") =>
      db().run(
        sql`insert into "case" (reference, municipality_id, administration_id, form_id, form_version, area, status, data, idempotency_key, applicant_person_id, submitted_by_person_id)
            values (${reference}, (select municipality_id from administration order by id limit 1), (select id from administration order by id limit 1), 'felanmalan-gata-park', 1, 'allmant', 'received', '{}', ${reference},
                    ${names === "applicant" ? personId : null}, ${names === "sender" ? personId : null})`,
      );
    let v = myPagesVersion();
    // A browser's working copy (person_id null): inserted, saved, removed, on no one's page.
    draft(null, "browser:anon-0054");
    db().run(sql`update form_draft set step_id = 'beskrivning' where owner_key = 'browser:anon-0054'`);
    db().run(sql`delete from form_draft where owner_key = 'browser:anon-0054'`);
    caseRow("MYP-2026-0054");
    expect(myPagesVersion()).toBe(v);
    // A person's working copy: each write counts, and so does giving a browser's copy to a person or taking it back.
    draft(personId, "person:0054");
    expect(myPagesVersion()).toBe(++v);
    db().run(sql`update form_draft set step_id = 'beskrivning' where owner_key = 'person:0054'`);
    expect(myPagesVersion()).toBe(++v);
    db().run(sql`delete from form_draft where owner_key = 'person:0054'`);
    expect(myPagesVersion()).toBe(++v);
    draft(null, "browser:claimed-0054");
    expect(myPagesVersion()).toBe(v);
    db().run(sql`update form_draft set person_id = ${personId} where owner_key = 'browser:claimed-0054'`);
    expect(myPagesVersion()).toBe(++v);
    db().run(sql`update form_draft set person_id = null where owner_key = 'browser:claimed-0054'`);
    expect(myPagesVersion()).toBe(++v);
    // A case naming the person as applicant or as sender counts; any later change of any case too.
    caseRow("MYP-2026-0055", "applicant");
    expect(myPagesVersion()).toBe(++v);
    caseRow("MYP-2026-0056", "sender");
    expect(myPagesVersion()).toBe(++v);
    db().run(sql`update "case" set status = 'in_progress' where reference = 'MYP-2026-0054'`);
    expect(myPagesVersion()).toBe(++v);
  });

  it("the view key follows the session, the person's name and the party; eligibility refuses other cookies", async () => {
    const user = await getSessionUserUnlessActingForOrganisation(
      new Request("http://localhost/mina-sidor", { headers: { Cookie: cookie } }),
    );
    if (!user || user === "organisation") throw new Error("no user");
    expect(user.sessionId).toBe(sessionId);
    const view = myPagesView(user);
    expect(myPagesView({ ...user, sessionId: "other" })).not.toBe(view);
    expect(myPagesView({ ...user, name: "Johan Berg" })).not.toBe(view);
    expect(myPagesView({ ...user, acting: { kind: "self" } })).not.toBe(view);
    expect(myPagesCacheEligible("GET", "/mina-sidor", cookie, undefined)).not.toBeNull();
    expect(myPagesCacheEligible("GET", "/mina-sidor", `${cookie}; lang=en`, undefined)?.key).not.toBe(
      myPagesCacheEligible("GET", "/mina-sidor", cookie, undefined)?.key,
    );
    expect(myPagesCacheEligible("GET", "/mina-sidor", `${cookie}; flash=x`, undefined)).toBeNull();
    expect(myPagesCacheEligible("GET", "/mina-sidor?lang=en", cookie, undefined)).toBeNull();
    expect(myPagesCacheEligible("GET", "/mina-sidor", `csrf=${SEED}`, undefined)).toBeNull();
    expect(myPagesCacheEligible("POST", "/mina-sidor", cookie, undefined)).toBeNull();
    revokeSession(sessionId);
    expect(
      await getSessionUserUnlessActingForOrganisation(
        new Request("http://localhost/mina-sidor", { headers: { Cookie: cookie } }),
      ),
    ).toBeNull();
  });
});
