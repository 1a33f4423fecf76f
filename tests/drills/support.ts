import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Heavy variants (`npm run test:heavy`) do more of everything. */
export const HEAVY = process.env.TEST_HEAVY === "1";

let nextPort = Number(process.env.DRILL_PORT ?? 3390);
/** Ports 3390+ for the drills' own servers (3380+ is the benchmark's). */
export function port() {
  return nextPort++;
}

export function tempDir(name: string) {
  return mkdtempSync(join(tmpdir(), `portal-${name}-`));
}

export function cleanup(dir: string) {
  if (process.env.KEEP_DRILL_DATA !== "1") rmSync(dir, { recursive: true, force: true });
}

/** No rate limit may throttle a drill that plays a thousand residents from one address. */
export const UNLIMITED = { RATE_LIMIT_SUBMISSIONS: "0", RATE_LIMIT_API: "0", RATE_LIMIT_EXPENSIVE_GET: "0", LOG_LEVEL: "warn" };
