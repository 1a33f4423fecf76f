import { eq } from "drizzle-orm";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authority, externalLink } from "../../db/schema/index";
import { db, prepareDatabase } from "~/db.server";
import { getAuthority } from "~/services/authorities.server";
import { resetEnvForTests } from "~/env.server";
import { isInternalAddress } from "./outbound-guard.server";
import { checkLinks, checkUrl, listBrokenLinks, linkCheckJob, runLinkCheck } from "./links.server";

// A local stand-in for the outside world: the checker never talks to real sites in tests.
let server: Server;
let base = "";
let inFlight = 0;
let maxInFlight = 0;
const hits: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const done = (status: number, headers: Record<string, string> = {}) => {
      setTimeout(() => {
        inFlight--;
        res.writeHead(status, headers).end(req.method === "HEAD" ? undefined : "body");
      }, 20);
    };
    switch (req.url?.split("?")[0]) {
      case "/ok":
        return done(200);
      case "/missing":
        return done(404);
      case "/error":
        return done(500);
      case "/moved":
        return done(301, { Location: "/ok" });
      case "/moved-to-missing":
        return done(302, { Location: "/missing" });
      case "/no-head":
        return done(req.method === "HEAD" ? 405 : 200);
      case "/forbidden-to-robots":
        return done(403);
      case "/to-metadata":
        return done(302, { Location: "http://169.254.169.254/latest/meta-data/" });
      case "/to-localhost":
        return done(302, { Location: `http://localhost:${(server.address() as AddressInfo).port}/ok` });
      case "/to-file":
        return done(302, { Location: "file:///etc/passwd" });
      case "/slow":
        // Never answers within the checker's timeout (and does not count as in flight).
        inFlight--;
        setTimeout(() => {
          res.writeHead(200).end();
        }, 2_000);
        return;
      default:
        return done(404);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The stand-in runs on loopback, which the checker refuses unless allow-listed (ASVS 5.2.6).
  process.env.LINK_CHECK_ALLOW_HOSTS = "127.0.0.1";
  resetEnvForTests();
  prepareDatabase();
});

afterAll(async () => {
  delete process.env.LINK_CHECK_ALLOW_HOSTS;
  resetEnvForTests();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe("no requests into the portal's own network (ASVS 5.2.6, 12.6.1)", () => {
  it("classifies loopback, private, link-local, metadata and unique-local addresses as internal", () => {
    for (const a of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.1",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "::",
      "fe80::1",
      "fd00::1",
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
    ]) {
      expect(isInternalAddress(a), a).toBe(true);
    }
    for (const a of ["93.184.216.34", "195.67.25.10", "2a00:1450:400f:80d::2004"])
      expect(isInternalAddress(a), a).toBe(false);
  });

  it("refuses a loopback address unless it is allow-listed, checking the resolved address and every redirect", async () => {
    hits.length = 0;
    process.env.LINK_CHECK_ALLOW_HOSTS = "";
    resetEnvForTests();
    try {
      expect(await checkUrl(`${base}/ok`)).toMatchObject({ ok: false, status: null, error: "internal address" });
      expect(hits).toEqual([]);
    } finally {
      process.env.LINK_CHECK_ALLOW_HOSTS = "127.0.0.1";
      resetEnvForTests();
    }
    // A name is checked after resolution: localhost is 127.0.0.1, but only the address is allowed.
    expect(await checkUrl(`${base.replace("127.0.0.1", "localhost")}/ok`)).toMatchObject({
      ok: false,
      error: "internal address",
    });
    expect(hits).toEqual([]);
    // An allowed page cannot redirect the checker to cloud metadata, another internal name or a file.
    expect(await checkUrl(`${base}/to-metadata`, { timeoutMs: 2_000 })).toMatchObject({
      ok: false,
      status: null,
      error: "internal address",
    });
    expect(await checkUrl(`${base}/to-localhost`)).toMatchObject({
      ok: false,
      status: null,
      error: "internal address",
    });
    expect(await checkUrl(`${base}/to-file`)).toMatchObject({ ok: false, status: null });
    expect(hits.filter((h) => h.endsWith("/ok"))).toEqual([]);
  });
});

describe("checking one link", () => {
  it("classifies 200, 404, 500, a timeout and redirects", async () => {
    const [ok, missing, error, moved, movedToMissing] = await checkLinks(
      ["/ok", "/missing", "/error", "/moved", "/moved-to-missing"].map((p) => base + p),
      { timeoutMs: 5_000 },
    );
    // Only the slow one gets a short timeout: a busy test machine must not fail the others.
    const slow = await checkUrl(`${base}/slow`, { timeoutMs: 300 });
    expect(ok).toMatchObject({ ok: true, status: 200 });
    expect(missing).toMatchObject({ ok: false, status: 404 });
    expect(error).toMatchObject({ ok: false, status: 500 });
    expect(slow).toMatchObject({ ok: false, status: null, error: "timeout" });
    expect(moved).toMatchObject({ ok: true, status: 200, finalUrl: `${base}/ok` });
    expect(movedToMissing).toMatchObject({ ok: false, status: 404 });
  });

  it("falls back to GET when a server refuses HEAD", async () => {
    hits.length = 0;
    expect(await checkUrl(`${base}/no-head`)).toMatchObject({ ok: true, status: 200 });
    expect(hits).toEqual(["HEAD /no-head", "GET /no-head"]);
  });

  it("does not call a site broken for turning robots away", async () => {
    expect(await checkUrl(`${base}/forbidden-to-robots`)).toMatchObject({ ok: true, status: 403 });
  });

  it("reports a refused connection and a malformed address without throwing", async () => {
    expect(await checkUrl("http://127.0.0.1:1/")).toMatchObject({ ok: false, status: null });
    expect(await checkUrl("not a url")).toMatchObject({ ok: false, error: "invalid URL" });
    expect(await checkUrl("ftp://127.0.0.1/")).toMatchObject({ ok: false, error: "unsupported scheme" });
  });

  it("never reaches a real site from a test", async () => {
    expect(await checkUrl("https://www.skatteverket.se/")).toMatchObject({
      ok: false,
      error: "not checked in test environment",
    });
  });

  it("keeps at most `concurrency` requests in flight", async () => {
    maxInFlight = 0;
    await checkLinks(
      Array.from({ length: 12 }, (_, i) => `${base}/ok?${i}`),
      { concurrency: 3 },
    );
    expect(maxInFlight).toBeLessThanOrEqual(3);
    expect(maxInFlight).toBeGreaterThan(1);
  });
});

describe("a run over the seeded registry, rewritten to the local server", () => {
  it("records status and date, flags a broken authority link and marks it for residents", async () => {
    const rewrite = (slug: string, path: string) => {
      const a = db().select().from(authority).where(eq(authority.slug, slug)).get()!;
      const url = `${base}${path}?${slug}`;
      db().update(externalLink).set({ url }).where(eq(externalLink.url, a.url)).run();
      db().update(authority).set({ url }).where(eq(authority.id, a.id)).run();
      return url;
    };
    const good = rewrite("skatteverket", "/ok");
    const broken = rewrite("boverket", "/missing");
    const summary = await runLinkCheck({ urls: [good, broken], timeoutMs: 500 });
    expect(summary).toMatchObject({ checked: 2, ok: 1, broken: 1, inconclusive: false });

    const sv = getAuthority("skatteverket", "sv")!;
    expect(sv.link.broken).toBe(false);
    expect(sv.link.lastVerifiedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const bo = getAuthority("boverket", "sv")!;
    expect(bo.link.broken).toBe(true);
    expect(db().select().from(authority).where(eq(authority.slug, "boverket")).get()).toMatchObject({
      broken: true,
      lastStatus: 404,
    });
    expect(listBrokenLinks().map((l) => l.url)).toEqual([broken]);

    // Fixed at the source: the next run clears the flag.
    db()
      .update(externalLink)
      .set({ url: `${base}/ok?fixed` })
      .where(eq(externalLink.url, broken))
      .run();
    db()
      .update(authority)
      .set({ url: `${base}/ok?fixed` })
      .where(eq(authority.slug, "boverket"))
      .run();
    await runLinkCheck({ urls: [`${base}/ok?fixed`] });
    expect(getAuthority("boverket", "sv")!.link.broken).toBe(false);
  });

  it("changes no flags when nothing answers at all (our own network is down)", async () => {
    const urls = ["a", "b", "c"].map((x) => `http://127.0.0.1:1/${x}`);
    for (const url of urls) db().insert(externalLink).values({ url, source: "test" }).run();
    const summary = await runLinkCheck({ urls });
    expect(summary.inconclusive).toBe(true);
    const rows = db()
      .select()
      .from(externalLink)
      .all()
      .filter((r) => urls.includes(r.url));
    expect(rows.every((r) => !r.broken && r.lastCheckedAt)).toBe(true);
  });
});

describe("the schedule", () => {
  it("is off when the interval is 0, and on otherwise (LINK_CHECK_INTERVAL_MINUTES on the job runner)", () => {
    const before = process.env.LINK_CHECK_INTERVAL_MINUTES;
    try {
      process.env.LINK_CHECK_INTERVAL_MINUTES = "0";
      resetEnvForTests();
      expect(linkCheckJob.everyMs()).toBe(0);
      process.env.LINK_CHECK_INTERVAL_MINUTES = "60";
      resetEnvForTests();
      expect(linkCheckJob.everyMs()).toBe(3_600_000);
    } finally {
      if (before === undefined) delete process.env.LINK_CHECK_INTERVAL_MINUTES;
      else process.env.LINK_CHECK_INTERVAL_MINUTES = before;
      resetEnvForTests();
    }
  });
});
