import { env } from "~/env.server";
import { defineJob } from "~/jobs/runner.server";
import { log } from "~/utils/logger.server";
import { lapseDueOffers } from "./childcare.server";

/**
 * The scheduled job that lapses childcare offers whose answer deadline has passed, so that a
 * lapse happens on time (case status, audit event, notification and e-mail to the guardians)
 * even when nobody opens the case. Reading an offer still lapses it first (the backstop in
 * childcare.server.ts); both paths claim each offer once. Runs on the job runner
 * (docs/decisions/053): `OFFER_LAPSE_INTERVAL_MINUTES`, 0 turns it off.
 */

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

export const offerLapseJob = defineJob({
  name: "offer-lapse",
  everyMs: () => env().OFFER_LAPSE_INTERVAL_MINUTES * 60_000,
  firstDelayMs: 10_000,
  run: async ({ now }) => ({ lapsed: await runOfferLapse(now) }),
});
