import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PORTAL_NODE_FLAGS, PORTAL_PROCESS_ENV } from "../../scripts/lib/node-flags.mjs";

/**
 * The portal runs with the same heap bounds wherever it is started (docs/decisions/119): the
 * demo (`npm start`), the production start (`npm run serve`, the systemd unit, the README), and
 * the benchmark and drills (scripts/lib/server.mjs takes them from scripts/lib/node-flags.mjs).
 */
const ROOT = resolve(__dirname, "../..");
const read = (p: string) => readFileSync(resolve(ROOT, p), "utf8");
const FLAGS = PORTAL_NODE_FLAGS.join(" ");
/** The process's environment as a shell sets it before the command (decision 189). */
const ENV = Object.entries(PORTAL_PROCESS_ENV)
  .map(([name, value]) => `${name}=${value}`)
  .join(" ");

describe("the portal's Node flags", () => {
  it("bound the old generation and the young generation's semi-spaces", () => {
    expect(PORTAL_NODE_FLAGS.some((f) => /^--max-old-space-size=\d+$/.test(f))).toBe(true);
    expect(PORTAL_NODE_FLAGS.some((f) => /^--max-semi-space-size=\d+$/.test(f))).toBe(true);
  });

  it("are in npm start, npm run serve, the systemd unit and the README's production start", () => {
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`node ${FLAGS} scripts/serve.mjs`);
    expect(scripts.serve).toContain(`node ${FLAGS} scripts/serve.mjs`);
    const execStart = read("docs/ops/dalsland-portal.service")
      .split("\n")
      .filter((l) => l.startsWith("ExecStart="));
    expect(execStart).toEqual([`ExecStart=/usr/bin/node ${FLAGS} scripts/serve.mjs`]);
    expect(read("README.md")).toContain(FLAGS);
  });

  it("start with two malloc arenas in npm start, npm run serve, the systemd unit and the README", () => {
    expect(PORTAL_PROCESS_ENV).toEqual({ MALLOC_ARENA_MAX: "2" });
    const scripts = (JSON.parse(read("package.json")) as { scripts: Record<string, string> }).scripts;
    expect(scripts.start).toContain(`${ENV} node ${FLAGS} scripts/serve.mjs`);
    expect(scripts.serve).toBe(`${ENV} node ${FLAGS} scripts/serve.mjs`);
    const unit = read("docs/ops/dalsland-portal.service").split("\n");
    expect(unit).toContain(`Environment=${ENV}`);
    expect(read("README.md")).toContain(`\`${ENV} node ${FLAGS} scripts/serve.mjs\``);
  });

  it("are understood by this Node: the heap limit they give is the one asked for", () => {
    const run = spawnSync(
      process.execPath,
      [...PORTAL_NODE_FLAGS, "-e", "process.stdout.write(String(require('v8').getHeapStatistics().heap_size_limit))"],
      { encoding: "utf8" },
    );
    expect(run.status).toBe(0);
    const oldMb = Number(/--max-old-space-size=(\d+)/.exec(FLAGS)![1]);
    const limitMb = Number(run.stdout) / 2 ** 20;
    // The limit is the old generation plus the young generation (three semi-spaces' worth).
    expect(limitMb).toBeGreaterThanOrEqual(oldMb);
    expect(limitMb).toBeLessThan(oldMb + 64);
  });
});
