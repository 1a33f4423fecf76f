import { db } from "~/db.server";
import { JobRunner, requestJobRun, type JobDefinition, type JobStatus } from "~/jobs/runner.server";
import type { StaffUser } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { cleanupJob } from "./cleanup.server";
import { diariumFtsMergeJob } from "./diarium.server";
import { linkCheckJob } from "./links.server";
import { notificationDeliveryJob } from "./notifications.server";
import { offerLapseJob } from "./offer-lapse.server";
import { ownerConsentJob } from "./owner-consent.server";
import { paymentPollJob } from "./payments.server";
import { caseOutboxJob } from "./outbox.server";
import { retentionJob } from "./retention.server";
import { reviewReminderJob } from "./review-reminders.server";
import { staffSsoInactiveJob } from "./staff-sso-jobs.server";

/**
 * Every scheduled job of the portal, in one list (docs/decisions/053). A new job is a
 * `defineJob(...)` beside its service and one line here; the runner does the rest.
 */
export const SCHEDULED_JOBS: readonly JobDefinition[] = [
  caseOutboxJob,
  linkCheckJob,
  reviewReminderJob,
  offerLapseJob,
  cleanupJob,
  retentionJob,
  staffSsoInactiveJob,
  notificationDeliveryJob,
  paymentPollJob,
  ownerConsentJob,
  diariumFtsMergeJob,
];

let runner: JobRunner | undefined;

/** Called once by the server before it listens (app/entry.server.tsx). */
export function startScheduledJobs(): void {
  if (runner) return;
  runner = new JobRunner({ db, jobs: SCHEDULED_JOBS });
  runner.start();
}

/** Called on shutdown, before the database closes: stops polling and waits for runs in progress. */
export async function stopScheduledJobs(): Promise<void> {
  const stopping = runner;
  runner = undefined;
  await stopping?.stop();
}

/** For /admin/jobb: each job's schedule, last run and failures in the last 7 days. */
export function listJobStatus(): JobStatus[] {
  return (runner ?? new JobRunner({ db, jobs: SCHEDULED_JOBS })).status();
}

export function isScheduledJob(name: string): boolean {
  return SCHEDULED_JOBS.some((j) => j.name === name);
}

/**
 * "Kör nu": the job becomes due at once and runs when its lease is free (after a run in
 * progress, in whichever portal process polls first). Audited; false for an unknown job.
 */
export function runJobNow(user: StaffUser, name: string): boolean {
  if (!isScheduledJob(name)) return false;
  const asked = requestJobRun(name);
  audit({ actor: user, action: "job.run_requested", subjectType: "job", subjectId: name, details: { asked } });
  return asked;
}
