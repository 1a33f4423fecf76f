import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { machineCpu, walkCpu, walkCpuText, walkWarmupText, warmedUp } from "./walk-cpu.mjs";

describe("the walk row's CPU per walk (decision 148)", () => {
  it("divides each process's CPU by the acknowledged walks and gives the cores' ceiling at their sum", () => {
    const c = walkCpu({
      elapsedMs: 10_000,
      walks: 100,
      portalMs: 3_700,
      walkerMs: 700,
      mailMs: 100,
      machine: { busyMs: 18_000, allMs: 20_000 },
      cores: 2,
    });
    expect(c.portalMsPerWalk).toBeCloseTo(37);
    expect(c.walkerMsPerWalk).toBeCloseTo(7);
    expect(c.mailMsPerWalk).toBeCloseTo(1);
    expect(c.machineMsPerWalk).toBeCloseTo(45);
    expect(c.ceilingPerSecond).toBeCloseTo(2000 / 45);
    expect(c.busyShare).toBeCloseTo(4_500 / 20_000);
    expect(c.machineBusyShare).toBeCloseTo(0.9);
    expect(walkCpuText(c)).toBe(
      "CPU per acknowledged walk: portal 37.0 ms + walker 7.0 ms + mail server 1.0 ms (own process) = 45.0 ms of 2 cores → CPU ceiling ~44/s; these processes used 23 % of the machine in the window (everything running: 90 %).",
    );
  });

  it("gives the portal's main thread and the ceiling of one event loop when it is measured (decision 167)", () => {
    const c = walkCpu({
      elapsedMs: 10_000,
      walks: 100,
      portalMs: 1_500,
      portalMainMs: 1_250,
      walkerMs: 500,
      mailMs: 50,
      cores: 2,
    });
    expect(c.portalMainMsPerWalk).toBeCloseTo(12.5);
    expect(c.mainThreadCeilingPerSecond).toBeCloseTo(80);
    expect(c.machineMsPerWalk).toBeCloseTo(20.5);
    expect(walkCpuText(c)).toContain(
      "portal 15.0 ms (its main thread 12.5 ms → one event loop's ceiling ~80/s) + walker 5.0 ms + mail server 0.5 ms (own process) = 20.5 ms of 2 cores → CPU ceiling ~98/s",
    );
  });

  it("reads the CPU of a process and of its main thread alone from /proc", async () => {
    const { cpuMsOf } = await import("../lib/server.mjs");
    const whole = cpuMsOf(process.pid);
    const main = cpuMsOf(process.pid, { mainThread: true });
    expect(Number.isFinite(whole) && Number.isFinite(main)).toBe(true);
    // The main thread is one of the process's threads: never more than the whole.
    expect(main).toBeLessThanOrEqual(whole);
    expect(Number.isNaN(cpuMsOf(2 ** 30, { mainThread: true }))).toBe(true);
  });

  it("splits a thread's CPU into user and system time, which add up to cpuMsOf's", async () => {
    const { cpuMsOf, cpuSplitOf } = await import("../lib/server.mjs");
    // Kernel work on this thread: reading /proc over and over is all system calls.
    for (let i = 0; i < 3_000; i++) readFileSync(`/proc/${process.pid}/task/${process.pid}/stat`);
    const split = cpuSplitOf(process.pid, { mainThread: true });
    const sum = cpuMsOf(process.pid, { mainThread: true });
    expect(split.user).toBeGreaterThan(0);
    expect(split.system).toBeGreaterThan(0);
    // Read a moment apart: at most a clock tick or two (10 ms each) between them.
    expect(sum - (split.user + split.system)).toBeGreaterThanOrEqual(0);
    expect(sum - (split.user + split.system)).toBeLessThanOrEqual(20);
    expect(cpuSplitOf(2 ** 30)).toEqual({ user: NaN, system: NaN });
  });

  it("leaves out a mail server inside the portal and says when nothing was acknowledged", () => {
    const inPortal = walkCpu({ elapsedMs: 1_000, walks: 10, portalMs: 400, walkerMs: 80, mailMs: null, cores: 2 });
    expect(inPortal.mailMsPerWalk).toBeNull();
    expect(inPortal.machineMsPerWalk).toBeCloseTo(48);
    expect(walkCpuText(inPortal)).toContain("portal 40.0 ms + walker 8.0 ms = 48.0 ms of 2 cores");
    expect(walkCpuText(walkCpu({ elapsedMs: 1_000, walks: 0, portalMs: 400, walkerMs: 80, mailMs: 5 }))).toBe(
      "CPU per walk: not measured.",
    );
  });

  it("reads the machine's busy and total CPU from /proc/stat and their change", () => {
    const before = machineCpu();
    // Busy for 60 ms: several clock ticks (10 ms each) of this process alone.
    const until = performance.now() + 60;
    let spins = 0;
    while (performance.now() < until) spins++;
    const change = machineCpu(before);
    expect(spins).toBeGreaterThan(0);
    expect(change.allMs).toBeGreaterThan(0);
    expect(change.busyMs).toBeGreaterThan(0);
    expect(change.busyMs).toBeLessThanOrEqual(change.allMs);
  });
});

describe("the walk's warm-up in the report (decision 177)", () => {
  const warm = { seconds: 2.24, acknowledged: 135, failed: 0, perSecond: 60.3 };
  it("states the warm-up, its walks and their rate, and that they are not counted", () => {
    expect(walkWarmupText({ warmup: warm }, { warmup: warm })).toBe(
      "after a 2.2 s warm-up not counted (135 walks, 60.3/s)",
    );
    expect(walkWarmupText({ warmup: { ...warm, failed: 3 } }, undefined)).toBe(
      "after a 2.2 s warm-up not counted (135 walks, 60.3/s, 3 failed)",
    );
    expect(walkWarmupText({ warmup: null }, { warmup: null })).toBe("with no warm-up");
  });

  it("says when the previous report's warm-up was of another length (decision 181)", () => {
    const longer = { seconds: 6.1, acknowledged: 800, failed: 0, perSecond: 131 };
    expect(walkWarmupText({ warmup: longer }, { warmup: warm })).toBe(
      "after a 6.1 s warm-up not counted (800 walks, 131.0/s); the previous report's warm-up was 2.2 s, so the change is partly the warm-up's",
    );
    // Under a second apart: the same warm-up, as each run's start-up moves it a little.
    expect(walkWarmupText({ warmup: { ...warm, seconds: 2.9 } }, { warmup: warm })).toBe(
      "after a 2.9 s warm-up not counted (135 walks, 60.3/s)",
    );
  });

  it("says when the previous report walked the other way, so a change is not read as the portal's alone", () => {
    expect(walkWarmupText({ warmup: warm }, { perSecond: 75 })).toContain(
      "the previous report walked without one, so the change is partly the warm-up's",
    );
    expect(walkWarmupText({ warmup: null }, { warmup: warm })).toBe(
      "with no warm-up; the previous report walked after one, so the change is partly the warm-up's",
    );
  });
});

describe("the walk's warm-up until the rate stops rising (decision 192)", () => {
  it("has warmed up once a slice's rate rose no more than 5 % over the one before", () => {
    expect(warmedUp([])).toBe(false);
    expect(warmedUp([150])).toBe(false);
    expect(warmedUp([137, 170])).toBe(false);
    expect(warmedUp([137, 170, 182, 198])).toBe(false);
    expect(warmedUp([137, 170, 182, 198, 200])).toBe(true);
    expect(warmedUp([198, 190])).toBe(true);
    expect(warmedUp([100, 105])).toBe(true);
    expect(warmedUp([100, 105.1])).toBe(false);
  });

  it("reports the slices' rates, and whether the rate had stopped rising or the limit ended it", () => {
    const base = {
      seconds: 14.2,
      acknowledged: 2600,
      failed: 0,
      perSecond: 183.1,
      sliceSeconds: 2,
      walksAtLeast: 2500,
    };
    expect(walkWarmupText({ warmup: { ...base, sliceRates: [182.4, 198.1, 199.5], warmedUp: true } })).toBe(
      "after a 14.2 s warm-up not counted (2600 walks, 183.1/s; it ended after 2500 walks or more, when the rate stopped rising, in slices of 2 s: 182, 198, 200/s)",
    );
    expect(walkWarmupText({ warmup: { ...base, sliceRates: [150, 170], warmedUp: false } })).toContain(
      "it reached its limit without 2500 walks and a rate that stopped rising, in slices of 2 s: 150, 170/s",
    );
  });

  it("does not call two warm-ups that each ran until warm of another length", () => {
    const a = {
      seconds: 12.1,
      acknowledged: 1900,
      failed: 0,
      perSecond: 160,
      sliceSeconds: 2,
      sliceRates: [190, 195],
      warmedUp: true,
    };
    const b = { ...a, seconds: 16.4, sliceRates: [180, 192, 196] };
    expect(walkWarmupText({ warmup: b }, { warmup: a })).not.toContain("partly the warm-up's");
    // Against a fixed warm-up the length still counts.
    expect(
      walkWarmupText({ warmup: b }, { warmup: { seconds: 6.1, acknowledged: 700, failed: 0, perSecond: 110 } }),
    ).toContain("the previous report's warm-up was 6.1 s");
  });
});
