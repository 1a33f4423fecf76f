// The bench's large data set (200,000 diarium entries, 30,000 cases: scripts/bench/seed-large.mjs)
// made once into a directory and copied fresh for each experiment (decision 178): seeding takes
// ~90 s, a copy ~1 s. Run under `node --import tsx` (the merge imports the portal's TypeScript).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startPortal } from "../lib/server.mjs";
import { abandonDrafts, DEFAULT_TARGETS, mergeSeededDiarium, seedLarge } from "../bench/seed-large.mjs";

export const LARGE_DIR = process.env.PROF_LARGE_DIR ?? join(tmpdir(), "portal-large");

/** Makes the large data set in LARGE_DIR unless it is there: migrated and seeded by a first start (forms left half done, decision 184), then cloned and merged as the bench does. */
export async function ensureLargeData({ port = 3499 } = {}) {
  const db = join(LARGE_DIR, "portal.db");
  if (existsSync(db)) return LARGE_DIR;
  const portal = await startPortal({ dataDir: LARGE_DIR, port });
  await abandonDrafts(portal.url);
  await portal.stop();
  seedLarge(db, { targets: DEFAULT_TARGETS });
  await mergeSeededDiarium(db);
  return LARGE_DIR;
}

/** A fresh data directory: empty (the portal migrates and seeds its demo data) or a copy of the large data set. */
export async function freshDataDir({ large = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "portal-prof-"));
  if (large) execFileSync("cp", ["-a", `${await ensureLargeData()}/.`, dir]);
  return dir;
}
