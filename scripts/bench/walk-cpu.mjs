// CPU per walk for the bench's walk row (decision 148): where the walk's limit is — the portal,
// the walker clients, the mail server — and the walks/s the machine's cores allow at that cost.
import { readFileSync } from "node:fs";
import { cpus } from "node:os";

export const cpuUsageMs = (u) => (u.user + u.system) / 1000;

/** The machine's CPU ms (all cores) busy and in all since boot from /proc/stat, or the change since `before`. */
export function machineCpu(before) {
  let busy = NaN;
  let all = NaN;
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n")[0];
    // cpu  user nice system idle iowait irq softirq steal …, in clock ticks (100/s).
    const ticks = line.trim().split(/ +/).slice(1, 9).map(Number);
    all = ticks.reduce((a, b) => a + b, 0) * 10;
    busy = all - (ticks[3] + ticks[4]) * 10;
  } catch {
    /* not Linux */
  }
  return before ? { busyMs: busy - before.busyMs, allMs: all - before.allMs } : { busyMs: busy, allMs: all };
}

/**
 * CPU per acknowledged walk over the timed window: the portal, the walker clients, the mail
 * server (its own process), their sum, and the walks/s the machine's cores could give at that
 * sum (the CPU ceiling); `busyShare`: how much of the machine these processes used, `machineBusyShare`:
 * how much anything did. `portalMainMs`, the portal's main thread alone (decision 167), gives the
 * other ceiling: one event loop's 1000 ms per second.
 * @param {{ elapsedMs: number, walks: number, portalMs: number, portalMainMs?: number, walkerMs: number, mailMs?: number | null, machine?: { busyMs: number, allMs: number }, cores?: number }} measured
 */
export function walkCpu({
  elapsedMs,
  walks,
  portalMs,
  portalMainMs,
  walkerMs,
  mailMs,
  machine,
  cores = cpus().length,
}) {
  const per = (ms) => (walks > 0 && Number.isFinite(ms) ? ms / walks : null);
  const totalMs = portalMs + walkerMs + (Number.isFinite(mailMs) ? mailMs : 0);
  const machineMsPerWalk = per(totalMs);
  return {
    walks,
    cores,
    portalMsPerWalk: per(portalMs),
    walkerMsPerWalk: per(walkerMs),
    mailMsPerWalk: per(mailMs),
    // The portal's event loop is one thread: whatever the cores, it serves at most 1000 ms of it per second.
    portalMainMsPerWalk: per(portalMainMs),
    mainThreadCeilingPerSecond: per(portalMainMs) ? 1000 / per(portalMainMs) : null,
    machineMsPerWalk,
    ceilingPerSecond: machineMsPerWalk ? (cores * 1000) / machineMsPerWalk : null,
    busyShare: elapsedMs > 0 ? totalMs / (elapsedMs * cores) : null,
    machineBusyShare: machine && machine.allMs > 0 ? machine.busyMs / machine.allMs : null,
  };
}

/** The walk row's CPU sentence (decision 148): where the limit is. */
export function walkCpuText(c) {
  if (!c || c.machineMsPerWalk === null) return "CPU per walk: not measured.";
  const ms = (n) => `${n.toFixed(1)} ms`;
  const portal =
    c.portalMainMsPerWalk === null || c.portalMainMsPerWalk === undefined
      ? `portal ${ms(c.portalMsPerWalk)}`
      : `portal ${ms(c.portalMsPerWalk)} (its main thread ${ms(c.portalMainMsPerWalk)} → one event loop's ceiling ~${Math.round(c.mainThreadCeilingPerSecond)}/s)`;
  const parts = [portal, `walker ${ms(c.walkerMsPerWalk)}`];
  if (c.mailMsPerWalk !== null) parts.push(`mail server ${ms(c.mailMsPerWalk)} (own process)`);
  const share = (x) => (x === null ? "–" : `${Math.round(x * 100)} %`);
  return `CPU per acknowledged walk: ${parts.join(" + ")} = ${ms(c.machineMsPerWalk)} of ${c.cores} cores → CPU ceiling ~${Math.round(c.ceilingPerSecond)}/s; these processes used ${share(c.busyShare)} of the machine in the window (everything running: ${share(c.machineBusyShare)}).`;
}

/**
 * Whether the walk has warmed up (decision 192): the rates of its warm-up's slices, oldest first, and
 * the last one rose by no more than `rise` over the one before. A freshly started portal walks
 * faster slice by slice while V8 compiles the walk's code with its optimising tiers; a portal in
 * service is past that point.
 */
export function warmedUp(rates, rise = 0.05) {
  if (rates.length < 2) return false;
  return rates.at(-1) <= rates.at(-2) * (1 + rise);
}

/** The walk's warm-up as the report states it (decision 177), and a word when the previous report walked without one. */
export function walkWarmupText(s, prev) {
  const w = s.warmup;
  const rates = w?.sliceRates?.map((r) => r.toFixed(0)).join(", ");
  const slices = !w?.sliceRates?.length
    ? ""
    : w.warmedUp
      ? `; it ended after ${w.walksAtLeast ?? 0} walks or more, when the rate stopped rising, in slices of ${w.sliceSeconds} s: ${rates}/s`
      : `; it reached its limit without ${w.walksAtLeast ?? 0} walks and a rate that stopped rising, in slices of ${w.sliceSeconds} s: ${rates}/s`;
  const now = w
    ? `after a ${w.seconds.toFixed(1)} s warm-up not counted (${w.acknowledged} walks, ${w.perSecond.toFixed(1)}/s${w.failed ? `, ${w.failed} failed` : ""}${slices})`
    : "with no warm-up";
  if (!prev) return now;
  // A warm-up of another length moves the rate too (decision 181: 2 s against 6 s, 134 against 147/s).
  // Two warm-ups that each ran until the rate stopped rising (decision 192) end where each run's
  // portal warmed up: their lengths differ, their ends do not.
  const bothUntilWarm = Boolean(w?.sliceRates && prev.warmup?.sliceRates);
  if (w && prev.warmup && !bothUntilWarm && Math.abs(prev.warmup.seconds - w.seconds) >= 1)
    return `${now}; the previous report's warm-up was ${prev.warmup.seconds.toFixed(1)} s, so the change is partly the warm-up's`;
  if (Boolean(prev.warmup) === Boolean(w)) return now;
  return `${now}; the previous report walked ${prev.warmup ? "after" : "without"} one, so the change is partly the warm-up's`;
}
