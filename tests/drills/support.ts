import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
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
export const UNLIMITED = {
  RATE_LIMIT_SUBMISSIONS: "0",
  RATE_LIMIT_API: "0",
  RATE_LIMIT_EXPENSIVE_GET: "0",
  LOG_LEVEL: "warn",
};

/** The p-th percentile (nearest rank) of `values`; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** CPU time (user + system, all threads) a process has used, in ms; 0 when it is gone. Linux /proc. */
export function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in 1/100 s
  } catch {
    return 0;
  }
}

/**
 * How much slower than a quiet machine this one is now: the 1-minute load per core, at least 1.
 * The drills share a 2-core machine with other work; a wall-clock limit is multiplied by it,
 * while the server's own CPU time per answer is judged unscaled.
 */
export function machineSlowdown(): number {
  return Math.max(1, loadavg()[0]! / Math.max(1, cpus().length));
}

export type TimedAnswer = { label: string; ms: number; cpuMs: number; status: number };

/**
 * What fails the backtracking phase of the hostile-input drill (decision 040): an answer for
 * which the server spent over 1 s of CPU, an answer that took over 1 s (× `slowdown`), a 5xx
 * or a dropped connection, or /healthz probes (sent every 50 ms beside the requests) with a
 * p99 over 200 ms (× `slowdown`).
 */
export function backtrackingVerdict(answers: TimedAnswer[], healthzMs: number[], slowdown = 1): string[] {
  const problems: string[] = [];
  for (const a of answers) {
    if (a.cpuMs > 1_000) problems.push(`${Math.round(a.cpuMs)} ms of server CPU: ${a.label.slice(0, 120)}`);
    else if (a.ms > 1_000 * slowdown) problems.push(`${Math.round(a.ms)} ms: ${a.label.slice(0, 120)}`);
    else if (a.status >= 500 || a.status === 0) problems.push(`status ${a.status}: ${a.label.slice(0, 120)}`);
  }
  const p99 = percentile(healthzMs, 99);
  if (p99 > 200 * slowdown)
    problems.push(
      `/healthz p99 ${Math.round(p99)} ms over ${healthzMs.length} probes (limit ${Math.round(200 * slowdown)} ms)`,
    );
  return problems.slice(0, 20);
}
