import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hashSync } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { openDatabase, type DB } from "../../db/client";
import {
  administration,
  childcareUnit,
  integrationSystem,
  municipality,
  organisation,
  permitTaxa,
  staffUser,
} from "../../db/schema/index";
import { DEMO_STAFF_USERNAMES } from "../../db/seed/demo-accounts";
import { seedIdentity } from "../../db/seed/identity";
import { seed } from "../../db/seed/index";
import { hashIntegrationToken, TEST_INTEGRATION_SYSTEM } from "../../db/seed/integration";
import { assertProductionDatabase, closeDatabase, db, prepareDatabase } from "~/db.server";
import { loadEnv, portalModeProblem, resetEnvForTests } from "~/env.server";
import { PRODUCTION_REGISTERS } from "../helpers/production-registers";

/**
 * Production fails closed (issue 12 High 2, docs/decisions/041): the mode must be said out loud,
 * every unsafe production combination is refused with a message naming it, a database seeded in
 * demo mode is refused, production writes no example row, and demo never overwrites an edit.
 */
const tmp = () => mkdtempSync(join(tmpdir(), "portal-prod-"));

/** A production configuration with nothing missing; each refusal below breaks one thing. */
const GOOD = {
  PORTAL_ENV: "production",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
  SMTP_URL: "smtp://mail.dalsland.example.se:587",
  PUBLIC_URL: "https://e-tjanster.dalsland.example.se",
  OIDC_ISSUER: "https://eid.dalsland.example.se",
  OIDC_CLIENT_ID: "portal",
  OIDC_CLIENT_SECRET: "client-secret-from-the-broker",
  CASE_OUTBOX: "systems",
  CLAMD_HOST: "127.0.0.1:3310",
  KEY_PROVIDER: "env",
  ...PRODUCTION_REGISTERS,
} as const;

const prod = (change: Record<string, string | undefined>) => {
  const source: Record<string, string | undefined> = { DATA_DIR: tmp(), ...GOOD, ...change };
  return () => loadEnv(source);
};

describe("the mode is said out loud", () => {
  it("PORTAL_ENV unset is refused with a message naming the three modes", () => {
    expect(() => loadEnv({ DATA_DIR: tmp() })).toThrow(
      /PORTAL_ENV is not set.*PORTAL_ENV=demo.*PORTAL_ENV=production.*PORTAL_ENV=test/s,
    );
    expect(() => loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "" })).toThrow(/PORTAL_ENV is not set/);
  });
  it("the old `development` and unknown modes are refused, not taken for demo", () => {
    expect(() => loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "development" })).toThrow(
      /PORTAL_ENV=development is not a mode.*demo/s,
    );
    expect(portalModeProblem("prod")).toMatch(/PORTAL_ENV=prod is not a mode/);
    expect(portalModeProblem("demo")).toBeNull();
  });
  it("demo runs the test provider over plain http, without Secure-only settings", () => {
    const e = loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "demo" });
    expect(e).toMatchObject({
      PORTAL_ENV: "demo",
      TEST_IDP: "on",
      PUBLIC_URL: "http://localhost:3000",
      CASE_OUTBOX: "folder",
      POPULATION_REGISTER: "demo",
      PROPERTY_REGISTER: "demo",
      COMPANY_REGISTER: "demo",
    });
    expect(e.oidc?.issuer).toBe("http://localhost:3000/test-idp");
  });
  it("the server script refuses to start without PORTAL_ENV, before it loads anything, and listens on nothing", () => {
    const { PORTAL_ENV: _unset, ...rest } = process.env;
    const run = spawnSync(process.execPath, ["scripts/serve.mjs"], {
      env: { ...rest, DATA_DIR: tmp(), PORT: "1", HOST: "127.0.0.1", REMIX_BUILD: "/nonexistent/build.js" },
      encoding: "utf8",
      timeout: 15_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/PORTAL_ENV is not set.*PORTAL_ENV=demo/s);
    expect(run.stdout).not.toMatch(/listening/);
  });
});

describe("production refuses every unsafe configuration", () => {
  it("a complete production configuration loads, with the test provider off and the real issuer", () => {
    const e = prod({})();
    expect(e.TEST_IDP).toBe("off");
    expect(e.TEST_SSO).toBe("off");
    expect(e.oidc?.issuer).toBe(GOOD.OIDC_ISSUER);
    expect(prod({ CASE_OUTBOX: "off" })().CASE_OUTBOX).toBe("off");
  });

  const refusals: Array<[string, Record<string, string | undefined>, RegExp]> = [
    ["TEST_IDP=on", { TEST_IDP: "on" }, /TEST_IDP: must not be on when PORTAL_ENV=production/],
    [
      "TEST_SSO=on (the staff SSO test provider)",
      { TEST_SSO: "on" },
      /TEST_SSO: must not be on when PORTAL_ENV=production/,
    ],
    [
      "no OIDC provider",
      { OIDC_ISSUER: undefined, OIDC_CLIENT_ID: undefined, OIDC_CLIENT_SECRET: undefined },
      /OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: required when PORTAL_ENV=production/,
    ],
    [
      "an OIDC issuer without a client secret",
      { OIDC_CLIENT_SECRET: undefined },
      /OIDC_CLIENT_SECRET: required when PORTAL_ENV=production/,
    ],
    [
      "an OIDC issuer over http",
      { OIDC_ISSUER: "http://eid.dalsland.example.se" },
      /OIDC_ISSUER: must start with https:\/\//,
    ],
    [
      "an OIDC redirect over http",
      { OIDC_REDIRECT_URL: "http://e-tjanster.dalsland.example.se/logga-in/callback" },
      /OIDC_REDIRECT_URL: must start with https:\/\//,
    ],
    ["no SESSION_SECRET", { SESSION_SECRET: undefined }, /SESSION_SECRET: required when PORTAL_ENV=production/],
    [
      "no DATA_ENCRYPTION_KEY",
      { DATA_ENCRYPTION_KEY: undefined },
      /DATA_ENCRYPTION_KEY: required when PORTAL_ENV=production/,
    ],
    ["no SMTP_URL", { SMTP_URL: undefined }, /SMTP_URL: required when PORTAL_ENV=production/],
    ["no PUBLIC_URL", { PUBLIC_URL: undefined }, /PUBLIC_URL: required when PORTAL_ENV=production/],
    [
      "PUBLIC_URL over http",
      { PUBLIC_URL: "http://e-tjanster.dalsland.example.se" },
      /PUBLIC_URL: must start with https:\/\//,
    ],
    ["CASE_OUTBOX not set", { CASE_OUTBOX: undefined }, /CASE_OUTBOX: must be set when PORTAL_ENV=production/],
    [
      "one webhook for every municipality (decision 058)",
      { CASE_OUTBOX: "webhook", CASE_OUTBOX_URL: "https://arende.dalsland.example.se/inbox" },
      /CASE_OUTBOX: webhook is a demo\/test fallback; use systems/,
    ],
    [
      "one folder for every municipality (decision 058)",
      { CASE_OUTBOX: "folder" },
      /CASE_OUTBOX: folder is a demo\/test fallback; use systems/,
    ],
    [
      "mail with TLS turned off",
      { SMTP_URL: "smtp://mail.dalsland.example.se:587/?ignoreTLS=true" },
      /SMTP_URL: must not weaken TLS/,
    ],
    [
      "a virus scanner over the network without TLS",
      { CLAMD_HOST: "clamd.dalsland.example.se:3310" },
      /CLAMD_HOST: clamd's protocol has no TLS/,
    ],
    [
      "no population register chosen (decision 066)",
      { POPULATION_REGISTER: undefined },
      /POPULATION_REGISTER: must be set when PORTAL_ENV=production: navet/,
    ],
    [
      "the demo population register",
      { POPULATION_REGISTER: "demo" },
      /POPULATION_REGISTER: demo answers with example people/,
    ],
    ["the demo property register", { PROPERTY_REGISTER: "demo" }, /PROPERTY_REGISTER: demo answers/],
    ["no company register chosen", { COMPANY_REGISTER: undefined }, /COMPANY_REGISTER: must be set/],
    ["the demo company register", { COMPANY_REGISTER: "demo" }, /COMPANY_REGISTER: demo answers/],
    ["Navet over http", { NAVET_URL: "http://navet.example.se/" }, /NAVET_URL: must start with https:\/\//],
    [
      "Lantmäteriet without its client secret",
      { LANTMATERIET_CLIENT_SECRET: undefined },
      /LANTMATERIET_CLIENT_SECRET: required with PROPERTY_REGISTER=lantmateriet/,
    ],
  ];
  for (const [name, change, message] of refusals) {
    it(`refuses ${name}`, () => {
      expect(prod(change)).toThrow(/refusing to start with PORTAL_ENV=production/);
      expect(prod(change)).toThrow(message);
    });
  }

  it("names every problem at once, so the operator fixes the deployment in one go", () => {
    expect(() => loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "production", TEST_IDP: "on" })).toThrow(
      /SESSION_SECRET[\s\S]*DATA_ENCRYPTION_KEY[\s\S]*SMTP_URL[\s\S]*PUBLIC_URL[\s\S]*TEST_IDP[\s\S]*OIDC_ISSUER[\s\S]*CASE_OUTBOX/,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The database: production start-up check, and what production writes.

const saved = { ...process.env };
function useEnv(vars: Record<string, string | undefined>) {
  closeDatabase();
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvForTests();
}
afterEach(() => {
  closeDatabase();
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
  resetEnvForTests();
});
afterAll(() => closeDatabase());

function demoSeed(database: DB) {
  seed(database);
  seedIdentity(database, {
    hmacIndex: (v) => `h:${v}`,
    encrypt: (v) => `e:${v}`,
    hashPassword: (p) => hashSync(p),
    password: "x".repeat(12),
    examples: true,
  });
}

/** One database seeded as the demo seeds it (a few seconds of work), shared by the tests below. */
let demoPath: string | undefined;
function demoDatabasePath(): string {
  if (demoPath) return demoPath;
  const path = join(tmp(), "portal.db");
  const database = openDatabase(path);
  demoSeed(database);
  database.$client.close();
  demoPath = path;
  return path;
}

const FTS_SHADOW = /_(data|idx|docsize|config|content)$/;

/** Every table of the schema (sqlite_master), without migration bookkeeping and FTS shadow tables. */
function userTables(database: DB): string[] {
  const rows = database.$client
    .prepare("select name, sql from sqlite_master where type = 'table' order by name")
    .all() as Array<{ name: string; sql: string }>;
  const virtual = rows.filter((r) => /^create virtual table/i.test(r.sql)).map((r) => r.name);
  return rows
    .map((r) => r.name)
    .filter((n) => !n.startsWith("sqlite_") && n !== "__drizzle_migrations")
    .filter((n) => !virtual.some((v) => n.startsWith(`${v}_`) && FTS_SHADOW.test(n)));
}

describe("production on an empty database", () => {
  it("writes no example row into any table: only the reference data that decision 041 names", () => {
    const dir = tmp();
    useEnv({ ...GOOD, DATA_DIR: dir, DATABASE_PATH: join(dir, "portal.db") });
    prepareDatabase();
    const database = db();
    const tables = userTables(database);
    expect(tables.length).toBeGreaterThan(40);
    // The exceptions, each real reference data that nobody edits in the portal (decision 041):
    // the national authorities and their services (real agencies, real https links), the link
    // registry those links are checked from, and Skolverket's maxtaxa figures for the year.
    // The e-service definitions (decision 075) are reference data too: the forms, not anyone's answers.
    const REFERENCE = new Set([
      "authority",
      "authority_service",
      "external_link",
      "childcare_fee_config",
      "eservice_definition",
      // Mina sidor's render cache version (decision 124, migration 0046): one counter, no one's data.
      "page_version",
    ]);
    const filled: Record<string, number> = {};
    for (const t of tables) {
      const n = (database.$client.prepare(`select count(*) as n from "${t}"`).get() as { n: number }).n;
      if (n > 0) filled[t] = n;
      const columns = database.$client.prepare(`select name from pragma_table_info('${t}')`).all() as Array<{
        name: string;
      }>;
      if (columns.some((c) => c.name === "example")) {
        const examples = (
          database.$client.prepare(`select count(*) as n from "${t}" where example != 0`).get() as { n: number }
        ).n;
        expect(examples, `example rows in ${t}`).toBe(0);
      }
    }
    expect(Object.keys(filled).filter((t) => !REFERENCE.has(t))).toEqual([]);
    expect(filled.authority).toBeGreaterThan(0);
    expect(database.$client.prepare("select name from page_version order by name").all()).toEqual([
      { name: "eservices" },
      // The municipality table's version (migration 0052, decision 183): a counter, no example row.
      { name: "municipalities" },
      { name: "mypages" },
    ]);
    const links = database.$client.prepare("select url from external_link").all() as Array<{ url: string }>;
    expect(links.every((l) => l.url.startsWith("https://"))).toBe(true);
    // Nothing from docs/dev-accounts.md, and no invented municipality or e-mail domain.
    const dump = tables.map((t) => JSON.stringify(database.$client.prepare(`select * from "${t}"`).all())).join("\n");
    expect(dump).not.toMatch(/example\.se|arendesystem-test|Redaktionen \(exempel\)/);
  });

  it("a second production start on the same database is idempotent and still refuses nothing", () => {
    const dir = tmp();
    useEnv({ ...GOOD, DATA_DIR: dir, DATABASE_PATH: join(dir, "portal.db") });
    prepareDatabase();
    const before = (db().$client.prepare("select count(*) as n from authority").get() as { n: number }).n;
    closeDatabase();
    prepareDatabase();
    expect((db().$client.prepare("select count(*) as n from authority").get() as { n: number }).n).toBe(before);
  });
});

describe("production refuses a database seeded in demo mode", () => {
  it("the start-up check names the demo staff accounts and the test integration system", () => {
    const database = openDatabase(demoDatabasePath());
    expect(() => assertProductionDatabase(database)).toThrow(
      /demo staff accounts[\s\S]*admin\.portal[\s\S]*arendesystem-test/,
    );
    database.$client.close();
  });

  it("prepareDatabase in production refuses the demo database", () => {
    const path = demoDatabasePath();
    useEnv({ ...GOOD, DATA_DIR: tmp(), DATABASE_PATH: path });
    expect(() => prepareDatabase()).toThrow(/Refusing to start with PORTAL_ENV=production[\s\S]*seeded in demo mode/);
  });

  it("one remaining demo staff account is enough to refuse", () => {
    const database = openDatabase(join(tmp(), "portal.db"));
    database
      .insert(staffUser)
      .values({ username: "admin.portal", name: "x", email: "x@kommun.se", passwordHash: "h" })
      .run();
    expect(() => assertProductionDatabase(database)).toThrow(/admin\.portal/);
    database.$client.close();
  });

  it("the published integration token is found even under another name", () => {
    const database = openDatabase(join(tmp(), "portal.db"));
    database
      .insert(integrationSystem)
      .values({ slug: "renamed", name: "x", tokenHash: hashIntegrationToken(TEST_INTEGRATION_SYSTEM.token) })
      .run();
    expect(() => assertProductionDatabase(database)).toThrow(/integration system[\s\S]*renamed/);
    database.$client.close();
  });

  it("the marker list is the seed's own list of accounts", () => {
    expect(DEMO_STAFF_USERNAMES).toContain("admin.portal");
    expect(DEMO_STAFF_USERNAMES).toContain("handlaggare.amal");
    expect(DEMO_STAFF_USERNAMES.length).toBeGreaterThanOrEqual(18);
  });
});

describe("demo never overwrites an edit", () => {
  it("a restart keeps a municipality's, an administration's, a taxa's, a unit's, an organisation's and the test system's edited values", () => {
    // The shared demo database: this is the last test that uses it.
    const database = openDatabase(demoDatabasePath());
    const amal = database.select().from(municipality).where(eq(municipality.slug, "amal")).get()!;
    database.update(municipality).set({ phone: "0532-170 00" }).where(eq(municipality.id, amal.id)).run();
    database
      .update(administration)
      .set({ phone: "0532-171 71" })
      .where(eq(administration.municipalityId, amal.id))
      .run();
    database.update(permitTaxa).set({ config: '{"edited":true}' }).where(eq(permitTaxa.municipalityId, amal.id)).run();
    const unit = database.select().from(childcareUnit).limit(1).get()!;
    database.update(childcareUnit).set({ name: "Omdöpt förskola" }).where(eq(childcareUnit.id, unit.id)).run();
    const org = database.select().from(organisation).limit(1).get()!;
    database.update(organisation).set({ name: "Nytt namn AB" }).where(eq(organisation.id, org.id)).run();
    database
      .update(integrationSystem)
      .set({ tokenHash: "rotated" })
      .where(eq(integrationSystem.slug, TEST_INTEGRATION_SYSTEM.slug))
      .run();

    demoSeed(database);

    expect(database.select().from(municipality).where(eq(municipality.id, amal.id)).get()!.phone).toBe("0532-170 00");
    const admins = database.select().from(administration).where(eq(administration.municipalityId, amal.id)).all();
    expect(admins.every((a) => a.phone === "0532-171 71")).toBe(true);
    expect(database.select().from(permitTaxa).where(eq(permitTaxa.municipalityId, amal.id)).get()!.config).toBe(
      '{"edited":true}',
    );
    expect(database.select().from(childcareUnit).where(eq(childcareUnit.id, unit.id)).get()!.name).toBe(
      "Omdöpt förskola",
    );
    expect(database.select().from(organisation).where(eq(organisation.id, org.id)).get()!.name).toBe("Nytt namn AB");
    expect(
      database.select().from(integrationSystem).where(eq(integrationSystem.slug, TEST_INTEGRATION_SYSTEM.slug)).get()!
        .tokenHash,
    ).toBe("rotated");
    database.$client.close();
  });
});
