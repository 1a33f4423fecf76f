import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { authority, externalLink, type ExternalLink } from "../../db/schema/index";
import { db } from "~/db.server";
import { env } from "~/env.server";
import { invalidateAnonymousCache } from "~/services/page-cache.server";
import { log } from "~/utils/logger.server";
import { checkLiteralHost, guardedLookup, InternalAddressError } from "./outbound-guard.server";

/**
 * The link checker (docs/decisions/019). Every external address the portal shows is in the
 * `external_link` registry; a run asks each one (HEAD, then GET when HEAD is refused),
 * follows redirects, gives up after a timeout, and records the status and the date the link
 * last answered. Broken links are flagged to admins and marked for residents.
 */

export interface CheckOptions {
  timeoutMs?: number;
  concurrency?: number;
}

export interface CheckResult {
  url: string;
  /** The final HTTP status after redirects; null when nothing answered. */
  status: number | null;
  ok: boolean;
  error: string | null;
  /** Where the redirects ended (equal to url when there were none). */
  finalUrl: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_CONCURRENCY = 4;
const USER_AGENT = "Dalslands-e-tjanster-linkcheck/1.0";

/**
 * 2xx/3xx answer; 401/403/429 mean the site is there but turns robots away or wants a
 * login, which a resident's browser gets past: not broken. 404, 410, other 4xx and 5xx are.
 */
export function isHealthyStatus(status: number): boolean {
  return (status >= 200 && status < 400) || status === 401 || status === 403 || status === 429;
}

const MAX_REDIRECTS = 5;

function allowHosts(): string[] {
  return (env().LINK_CHECK_ALLOW_HOSTS ?? "")
    .split(",")
    .map((h) => h.trim().toLowerCase())
    .filter(Boolean);
}

/** One request, no redirects followed; connects only to the address the guard approved. */
function requestOnce(
  url: URL,
  method: "HEAD" | "GET",
  signal: AbortSignal,
): Promise<{ status: number; location: string | null }> {
  const allow = allowHosts();
  checkLiteralHost(url.hostname, allow);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method,
        signal,
        lookup: guardedLookup(allow),
        headers: { "User-Agent": USER_AGENT, Accept: "text/html,*/*;q=0.8" },
      },
      (res) => {
        // We only need the status; do not download the page.
        res.destroy();
        resolve({
          status: res.statusCode ?? 0,
          location: typeof res.headers.location === "string" ? res.headers.location : null,
        });
      },
    );
    req.on("error", reject);
    req.end();
  });
}

/**
 * Follows up to MAX_REDIRECTS redirects by hand: each hop is checked again (http(s) only, no
 * internal address), so a public page cannot redirect the checker into the portal's network.
 */
async function request(url: string, method: "HEAD" | "GET", timeoutMs: number) {
  const signal = AbortSignal.timeout(timeoutMs);
  let current = new URL(url);
  for (let hop = 0; ; hop++) {
    const { status, location } = await requestOnce(current, method, signal);
    if (status < 300 || status >= 400 || !location || hop === MAX_REDIRECTS) return { status, url: current.href };
    const next = new URL(location, current);
    if (next.protocol !== "https:" && next.protocol !== "http:") throw new Error("unsupported scheme");
    current = next;
  }
}

function describeError(error: unknown): string {
  if (error instanceof InternalAddressError) return "internal address";
  if (error instanceof Error) {
    if (error.cause instanceof InternalAddressError) return "internal address";
    if (error.name === "TimeoutError" || error.name === "AbortError") return "timeout";
    const cause = (error as Error & { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

/** In tests the checker may only talk to loopback servers, never to real sites. */
function allowed(url: string): boolean {
  if (env().PORTAL_ENV !== "test") return true;
  try {
    const host = new URL(url).hostname;
    return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
  } catch {
    return false;
  }
}

export async function checkUrl(url: string, options: CheckOptions = {}): Promise<CheckResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { url, status: null, ok: false, error: "invalid URL", finalUrl: url };
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    return { url, status: null, ok: false, error: "unsupported scheme", finalUrl: url };
  }
  if (!allowed(url)) return { url, status: null, ok: false, error: "not checked in test environment", finalUrl: url };
  try {
    const head = await request(url, "HEAD", timeoutMs);
    if (head.status >= 200 && head.status < 400)
      return { url, status: head.status, ok: true, error: null, finalUrl: head.url || url };
  } catch (error) {
    // A timeout on HEAD will time out on GET too; other failures (a server that resets on
    // HEAD) deserve the GET.
    const reason = describeError(error);
    if (reason === "timeout" || reason === "internal address")
      return { url, status: null, ok: false, error: reason, finalUrl: url };
  }
  // Many servers answer HEAD with 403/405/501 or worse while GET works: GET is the verdict.
  try {
    const get = await request(url, "GET", timeoutMs);
    return { url, status: get.status, ok: isHealthyStatus(get.status), error: null, finalUrl: get.url || url };
  } catch (error) {
    return { url, status: null, ok: false, error: describeError(error), finalUrl: url };
  }
}

/** Checks a list of URLs with at most `concurrency` requests in flight. */
export async function checkLinks(urls: string[], options: CheckOptions = {}): Promise<CheckResult[]> {
  const concurrency = Math.max(1, options.concurrency ?? DEFAULT_CONCURRENCY);
  const results: CheckResult[] = new Array(urls.length);
  let next = 0;
  async function worker() {
    while (next < urls.length) {
      const index = next++;
      results[index] = await checkUrl(urls[index]!, options);
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, urls.length) }, worker));
  return results;
}

export interface RunSummary {
  checked: number;
  ok: number;
  broken: number;
  /** True when no link answered at all: the checker's own network is down, flags kept. */
  inconclusive: boolean;
  results: CheckResult[];
}

/**
 * Checks every link in the registry (or the given subset) and records the outcome.
 * A run in which not a single link answered says more about our network than about the
 * links, so it changes no flags (otherwise an outage would mark every authority broken).
 */
export async function runLinkCheck(options: CheckOptions & { urls?: string[] } = {}): Promise<RunSummary> {
  const rows = options.urls
    ? db().select().from(externalLink).where(inArray(externalLink.url, options.urls)).all()
    : db().select().from(externalLink).all();
  const results = await checkLinks(
    rows.map((r) => r.url),
    options,
  );
  const considered = results.filter((r) => r.error !== "not checked in test environment");
  const inconclusive = considered.length >= 3 && considered.every((r) => r.status === null);
  const now = new Date().toISOString();
  db().transaction((tx) => {
    for (const result of considered) {
      const row = rows.find((r) => r.url === result.url)!;
      const base = { lastCheckedAt: now, lastStatus: result.status, lastError: result.error };
      const values = inconclusive
        ? base
        : {
            ...base,
            broken: !result.ok,
            consecutiveFailures: result.ok ? 0 : row.consecutiveFailures + 1,
            ...(result.ok ? { lastOkAt: now } : {}),
          };
      tx.update(externalLink).set(values).where(eq(externalLink.id, row.id)).run();
      // The authority row carries its home page's state for pages and the API.
      tx.update(authority)
        .set({ lastCheckedAt: now, lastStatus: result.status, ...(inconclusive ? {} : { broken: !result.ok }) })
        .where(eq(authority.url, result.url))
        .run();
    }
  });
  // Pages show the broken marks and verified dates: cached anonymous copies are now stale.
  if (considered.length > 0) invalidateAnonymousCache();
  const summary: RunSummary = {
    checked: considered.length,
    ok: considered.filter((r) => r.ok).length,
    broken: inconclusive ? 0 : considered.filter((r) => !r.ok).length,
    inconclusive,
    results,
  };
  log(inconclusive ? "warn" : "info", inconclusive ? "link check inconclusive: no link answered" : "link check done", {
    checked: summary.checked,
    ok: summary.ok,
    broken: summary.broken,
  });
  return summary;
}

/** For the admin view: broken first, then the longest unverified. */
export function listLinksForAdmin(): ExternalLink[] {
  return db()
    .select()
    .from(externalLink)
    .orderBy(desc(externalLink.broken), asc(externalLink.lastOkAt), asc(externalLink.url))
    .all();
}

export function listBrokenLinks(): ExternalLink[] {
  return db().select().from(externalLink).where(eq(externalLink.broken, true)).orderBy(asc(externalLink.url)).all();
}

// ----------------------------------------------------------------------------- schedule

let timer: NodeJS.Timeout | undefined;
let firstRun: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

/**
 * Starts the in-server schedule (LINK_CHECK_INTERVAL_MINUTES; 0 = off). The first run comes
 * a minute after start so that a restart does not delay serving; runs never overlap.
 * Returns whether a schedule was started.
 */
export function startLinkCheckSchedule(
  intervalMinutes = env().LINK_CHECK_INTERVAL_MINUTES,
  firstDelayMs = 60_000,
): boolean {
  // Clears the timers at once; a check still running finishes on its own (tick skips while it runs).
  void stopLinkCheckSchedule();
  if (!intervalMinutes || intervalMinutes <= 0) return false;
  const tick = () => {
    if (running) return;
    running = runLinkCheck()
      .catch((error) =>
        log("error", "link check failed", { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        running = undefined;
      });
  };
  firstRun = setTimeout(tick, firstDelayMs);
  firstRun.unref();
  timer = setInterval(tick, intervalMinutes * 60_000);
  timer.unref();
  return true;
}

export async function stopLinkCheckSchedule() {
  if (firstRun) clearTimeout(firstRun);
  if (timer) clearInterval(timer);
  firstRun = undefined;
  timer = undefined;
  await running;
}
