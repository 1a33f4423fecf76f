import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadEnv } from "./env.server";

const tmp = () => mkdtempSync(join(tmpdir(), "portal-env-"));

describe("environment", () => {
  it("defaults PORT to 3000 and puts the database under DATA_DIR", () => {
    const dir = tmp();
    const e = loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo" });
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_PATH).toBe(join(dir, "portal.db"));
  });
  it("honours DATABASE_PATH and PORT", () => {
    const dir = tmp();
    const e = loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", DATABASE_PATH: join(dir, "x.sqlite"), PORT: "4123" });
    expect(e.PORT).toBe(4123);
    expect(e.DATABASE_PATH).toBe(join(dir, "x.sqlite"));
  });
  it("generates a session secret into DATA_DIR once in demo and reuses it", () => {
    const dir = tmp();
    const first = loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo" }).SESSION_SECRET;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(join(dir, ".session-secret"))).toBe(true);
    expect(readFileSync(join(dir, ".session-secret"), "utf8")).toBe(first);
    expect(loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo" }).SESSION_SECRET).toBe(first);
  });
  it("requires SESSION_SECRET in production", () => {
    expect(() => loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "production" })).toThrow(/SESSION_SECRET/);
  });
  it("rejects a malformed PORT with a readable message", () => {
    expect(() => loadEnv({ DATA_DIR: tmp(), PORTAL_ENV: "demo", PORT: "eighty" })).toThrow(/PORT/);
  });
});

describe("step 4 settings", () => {
  it("turns the link checker and the case outbox off in test, on by default elsewhere", () => {
    const dir = tmp();
    expect(loadEnv({ DATA_DIR: dir, PORTAL_ENV: "test" })).toMatchObject({
      LINK_CHECK_INTERVAL_MINUTES: 0,
      CASE_OUTBOX: "off",
    });
    const dev = loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo" });
    expect(dev).toMatchObject({
      LINK_CHECK_INTERVAL_MINUTES: 1440,
      CASE_OUTBOX: "folder",
      CASE_OUTBOX_DIR: join(dir, "outbox"),
    });
  });
  it("refuses a webhook outbox without a URL, a non-http URL, a short secret and a negative interval", () => {
    const dir = tmp();
    expect(() => loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", CASE_OUTBOX: "webhook" })).toThrow(/CASE_OUTBOX_URL/);
    expect(() =>
      loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", CASE_OUTBOX: "webhook", CASE_OUTBOX_URL: "ftp://x.example/" }),
    ).toThrow(/CASE_OUTBOX_URL/);
    expect(() => loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", CASE_OUTBOX_SECRET: "short" })).toThrow(
      /CASE_OUTBOX_SECRET/,
    );
    expect(() => loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", LINK_CHECK_INTERVAL_MINUTES: "-1" })).toThrow(
      /LINK_CHECK_INTERVAL_MINUTES/,
    );
    expect(() => loadEnv({ DATA_DIR: dir, PORTAL_ENV: "demo", CASE_OUTBOX: "sftp" })).toThrow(/CASE_OUTBOX/);
  });
});
