import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** The data directory of the database seeded once for the run (decision 128). */
    seedTemplateDir: string;
  }
}

/**
 * Migrates and seeds one database per vitest run, as a test file's first prepareDatabase() would
 * (≈ 2 s of CPU each, ~90 files). tests/setup/vitest.setup.ts gives every file the template's
 * generated secrets, and prepareDatabase() copies the database file instead of seeding again when
 * its environment is the template's (app/db.server.ts copySeedTemplate, decision 128). Each file
 * still has its own database file.
 */
export default async function setup(project: TestProject) {
  const root = join(tmpdir(), "portal-vitest");
  mkdirSync(root, { recursive: true });
  const dir = mkdtempSync(join(root, "template-"));
  const names = ["DATA_DIR", "DATABASE_PATH", "PORTAL_ENV", "LOG_LEVEL"] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
  Object.assign(process.env, {
    DATA_DIR: dir,
    DATABASE_PATH: join(dir, "portal.db"),
    PORTAL_ENV: "test",
    LOG_LEVEL: process.env.LOG_LEVEL ?? "error",
  });
  try {
    const { closeDatabase, prepareDatabase, seedEnvironment } = await import("../../app/db.server");
    prepareDatabase();
    writeFileSync(join(dir, "portal.db.json"), JSON.stringify({ environment: seedEnvironment() }));
    closeDatabase();
  } finally {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
  }
  project.provide("seedTemplateDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
