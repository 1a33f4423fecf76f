import { env } from "~/env.server";
import { log } from "~/utils/logger.server";
import { lapseDueOffers } from "./childcare.server";

/**
 * The scheduled job that lapses childcare offers whose answer deadline has passed, so that a
 * lapse happens on time (case status, audit event, notification and e-mail to the guardians)
 * even when nobody opens the case. Reading an offer still lapses it first (the backstop in
 * childcare.server.ts); both paths claim each offer once. Runs in the server process like the
 * link checker (docs/decisions/019): `OFFER_LAPSE_INTERVAL_MINUTES`, 0 turns it off.
 */
let timer: NodeJS.Timeout | undefined;
let firstRun: NodeJS.Timeout | undefined;
let running: Promise<unknown> | undefined;

/** One run of the job; never throws (a failure is logged and the next run tries again). */
export async function runOfferLapse(now = new Date()): Promise<number> {
  try {
    const lapsed = await lapseDueOffers(now);
    if (lapsed > 0) log("info", "childcare offers lapsed", { count: lapsed });
    return lapsed;
  } catch (error) {
    log("error", "offer lapse job failed", { error: error instanceof Error ? error.message : String(error) });
    return 0;
  }
}

/** Starts the schedule (first run after `firstDelayMs`); false when the interval is 0. */
export function startOfferLapseSchedule(
  intervalMinutes = env().OFFER_LAPSE_INTERVAL_MINUTES,
  firstDelayMs = 10_000,
  clock: () => Date = () => new Date(),
): boolean {
  clearTimers();
  if (!intervalMinutes || intervalMinutes <= 0) return false;
  const tick = () => {
    // A slow run is never overlapped by the next one.
    if (running) return;
    running = runOfferLapse(clock()).finally(() => {
      running = undefined;
    });
  };
  firstRun = setTimeout(tick, firstDelayMs);
  firstRun.unref();
  timer = setInterval(tick, intervalMinutes * 60_000);
  timer.unref();
  return true;
}

function clearTimers() {
  if (firstRun) clearTimeout(firstRun);
  if (timer) clearInterval(timer);
  firstRun = undefined;
  timer = undefined;
}

/** Stops the schedule and waits for a run in progress (called on shutdown, before the database closes). */
export async function stopOfferLapseSchedule() {
  clearTimers();
  await running;
}
