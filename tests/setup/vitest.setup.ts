import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, inject, vi } from "vitest";

// Each test file (fork) gets its own data directory and SQLite file, so integration tests
// never share state and can run in parallel.
const root = join(tmpdir(), "portal-vitest");
mkdirSync(root, { recursive: true });
const dir = mkdtempSync(join(root, `w${process.env.VITEST_POOL_ID ?? "0"}-`));
process.env.DATA_DIR = dir;
process.env.DATABASE_PATH = join(dir, "portal.db");
process.env.PORTAL_ENV = "test";
process.env.LOG_LEVEL = process.env.LOG_LEVEL ?? "error";

// The database seeded once for the run (tests/setup/vitest.global-setup.ts, decision 128): its
// generated secrets (the data key its personal data is encrypted with, the session secret, the
// test SAML key) come along, and the first prepareDatabase() copies the database file instead of
// seeding it again when nothing differs.
const template = inject("seedTemplateDir");
if (template) {
  for (const name of readdirSync(template))
    if (name.startsWith(".")) copyFileSync(join(template, name), join(dir, name));
  process.env.PORTAL_SEED_TEMPLATE = join(template, "portal.db");
}

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
