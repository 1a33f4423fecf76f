import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, vi } from "vitest";

// Each test file (fork) gets its own data directory and SQLite file, so integration tests
// never share state and can run in parallel.
const root = join(tmpdir(), "portal-vitest");
mkdirSync(root, { recursive: true });
const dir = mkdtempSync(join(root, `w${process.env.VITEST_POOL_ID ?? "0"}-`));
process.env.DATA_DIR = dir;
process.env.DATABASE_PATH = join(dir, "portal.db");
process.env.PORTAL_ENV = "test";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "error";

// console.error during a test is a failure (STYLE.md): it hides real problems otherwise.
let spy: ReturnType<typeof vi.spyOn> | undefined;
beforeEach(() => {
  spy = vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    throw new Error(`console.error during test: ${args.map(String).join(" ")}`);
  });
});
afterEach(() => {
  spy?.mockRestore();
});
