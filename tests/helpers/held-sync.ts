import { setWalSyncForTests } from "~/db-durable.server";

type Done = (error: Error | null) => void;

/**
 * An fsync of the write-ahead log that completes only when the test says so (decisions 146, 150);
 * records what happened, in order, in `events`. Undo with `setWalSyncForTests(null)`.
 */
export function heldSync(events: string[]) {
  const pending: { path: string; done: Done }[] = [];
  setWalSyncForTests((path, done) => {
    events.push("fsync started");
    pending.push({ path, done });
  });
  return {
    pending,
    complete(error: Error | null = null) {
      const next = pending.shift();
      if (!next) throw new Error("no fsync is running");
      events.push(error ? "fsync failed" : "fsync done");
      next.done(error);
    },
  };
}
