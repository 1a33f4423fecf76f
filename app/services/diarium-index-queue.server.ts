import type { Statement } from "better-sqlite3";
import { withoutWaitingForDisk } from "~/db-durable.server";
import { prepared } from "~/db-prepared.server";
import { log } from "~/utils/logger.server";
import { shortGrams } from "./diarium-text.server";

/**
 * A send's diarium entry indexed in batches between requests (docs/decisions/171, migration 0050).
 *
 * Both FTS5 indexes used to take a sent form's entry inside the send's own transaction: about
 * 1.3 ms of the event loop and 28 of the send's 62 log frames, because FTS5 writes a new segment
 * for every transaction however small. The send now only queues the entry's id (its insert trigger
 * does, when the send has set `diarium_fts_defer`); this indexes the queue in transactions of up to
 * `BATCH` entries, every `INTERVAL_MS` while anything is queued. Every diarium search calls
 * `indexQueuedDiariumEntries()` first, so no search misses an entry that was sent.
 *
 * The queue is written in the send's transaction and emptied in the index's: a crash or power cut
 * leaves the two consistent (a batch lost is queued still), and the next start's batches index the rest.
 */

/** Entries indexed in one transaction (~0.2 ms of the event loop each in a batch of this size: decision 171). */
const BATCH = 16;
/** How often the queue is looked at. */
const INTERVAL_MS = 250;

type QueueStatements = {
  any: Statement<[], number>;
  next: Statement<[number], { id: number; text: string | null }>;
  main: Statement<[number, string]>;
  short: Statement<[number, string]>;
  retext: Statement<[number]>;
  dequeue: Statement<[number]>;
  batch: (limit: number) => number;
};

const statements = () =>
  prepared("diarium.index-queue", (d): QueueStatements => {
    const c = d.$client;
    const s = {
      any: c.prepare("select exists (select 1 from diarium_fts_queue)").pluck() as Statement<[], number>,
      // LEFT JOIN: a queued id without its entry (none the triggers leave) is dequeued, not kept forever.
      next: c.prepare(
        "select q.id, e.search_text as text from diarium_fts_queue q left join diarium_entry e on e.id = q.id order by q.id limit ?",
      ) as Statement<[number], { id: number; text: string | null }>,
      main: c.prepare("insert into diarium_fts(rowid, search_text) values (?, ?)") as Statement<[number, string]>,
      short: c.prepare("insert into diarium_fts_short(rowid, grams) values (?, ?)") as Statement<[number, string]>,
      // A text with a NUL character, whose grams shortGrams does not make: the update trigger of
      // migration 0050 indexes it (and dequeues it) with the SQL every other writer's entry gets.
      retext: c.prepare("update diarium_entry set search_text = search_text where id = ?") as Statement<[number]>,
      dequeue: c.prepare("delete from diarium_fts_queue where id = ?") as Statement<[number]>,
    };
    // IMMEDIATE: the queue is read under the write lock, so two processes sharing the database
    // (decision 053) never index the same entry twice.
    const batch = c.transaction((limit: number) => {
      const rows = s.next.all(limit);
      for (const { id, text } of rows) {
        if (text !== null) {
          const grams = shortGrams(text);
          // The update trigger indexes and dequeues it; the dequeue below then finds nothing.
          if (grams === null) s.retext.run(id);
          else {
            s.main.run(id, text);
            s.short.run(id, grams);
          }
        }
        s.dequeue.run(id);
      }
      return rows.length;
    });
    return { ...s, batch: (limit: number) => batch.immediate(limit) };
  });

/**
 * Indexes queued entries, at most `limit`; returns how many it took. Nothing is written when the
 * queue is empty (one indexed read), so a search pays nothing for it then.
 */
export function indexQueuedDiariumEntries(limit = Number.POSITIVE_INFINITY): number {
  const s = statements();
  if (!s.any.get()) return 0;
  let done = 0;
  while (done < limit) {
    const n = withoutWaitingForDisk(() => s.batch(Math.min(BATCH * 64, limit - done)));
    done += n;
    if (n === 0) break;
  }
  return done;
}

let timer: NodeJS.Timeout | undefined;
let reported = false;

/** One batch; the next right after (requests are served in between) while the queue still has entries. */
function tick() {
  let n = 0;
  try {
    n = indexQueuedDiariumEntries(BATCH);
    reported = false;
  } catch (error) {
    // Busy (another process writes) or a full disk: the queue keeps the entries for the next tick.
    if (!reported) log("warn", "diarium: queued entries could not be indexed yet", { error: String(error) });
    reported = true;
  }
  if (timer === undefined) return;
  timer = setTimeout(tick, n === BATCH ? 0 : INTERVAL_MS);
  timer.unref();
}

/**
 * Starts the batches (the server's start-up). What a stopped portal left queued is indexed by the
 * first of them, between requests, not before the portal listens (a search indexes it first anyway).
 */
export function startDiariumIndexer(): void {
  stopDiariumIndexer();
  timer = setTimeout(tick, 0);
  timer.unref();
}

/** Stops them (shutdown, before the database closes). What is still queued is indexed after the next start. */
export function stopDiariumIndexer(): void {
  clearTimeout(timer);
  timer = undefined;
}
