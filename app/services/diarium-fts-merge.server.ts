import type Database from "better-sqlite3";

/**
 * The upkeep that keeps the diarium's two FTS5 indexes merged (docs/decisions/168). Every send adds
 * a segment to each index and a search seeks every trigram in every segment, so a first search's
 * count follows the segment count (decision 165). FTS5's own merging inside the send's transaction
 * (`automerge`) stays as it is; this merges the rest in small steps between requests: FTS5's
 * 'merge' command with a page budget, one autocommit statement per step, until a step does nothing
 * (FTS5: fewer than two changes) or the run's steps are used up (a merge left half-way is resumed
 * by the next run's first step). With `usermerge` 2 (migration 0049) a step merges any level that
 * holds two segments.
 *
 * Imports nothing of the app: the bench's large seed runs this same function to completion
 * (scripts/bench/bench.mjs), so the bench measures the index a running portal keeps.
 */

const TABLES = ["diarium_fts", "diarium_fts_short"] as const;

/**
 * Leaf pages one step may write: 8 cost at most ~15 ms CPU (p95 ~5 ms) on the bench's 2-core
 * machine under load; the largest steps are those that end a merge and drop its inputs.
 */
const STEP_PAGES = 8;

export interface DiariumFtsMergeOptions {
  /** Steps at most (both indexes together); the rest is left to the next run. */
  maxSteps: number;
  /** Milliseconds between steps, so that requests are served in between; 0 = no pause. */
  pauseMs: number;
  /** Runs one step's statement (the job: without an fsync on the event loop). */
  write?: <T>(step: () => T) => T;
  signal?: AbortSignal;
}

export interface DiariumFtsMergeResult {
  /** Steps that merged something. */
  merged: number;
  /** True when both indexes had nothing left to merge. */
  done: boolean;
}

export async function mergeDiariumFts(
  sqlite: Database.Database,
  options: DiariumFtsMergeOptions,
): Promise<DiariumFtsMergeResult> {
  const write = options.write ?? (<T>(step: () => T): T => step());
  const changes = sqlite.prepare("select total_changes()").pluck();
  let steps = 0;
  let merged = 0;
  for (const table of TABLES) {
    const merge = sqlite.prepare(`insert into ${table}(${table}, rank) values ('merge', ${STEP_PAGES})`);
    for (;;) {
      if (steps >= options.maxSteps || options.signal?.aborted) return { merged, done: false };
      steps++;
      const before = changes.get() as number;
      write(() => merge.run());
      if ((changes.get() as number) - before < 2) break;
      merged++;
      if (options.pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, options.pauseMs));
    }
  }
  return { merged, done: true };
}
