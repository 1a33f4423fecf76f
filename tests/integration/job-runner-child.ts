// One portal-like process for job-runner.test.ts: a JobRunner with one probe job on a shared
// SQLite file. Started with `node --import tsx`; configured by the JOB_CHILD environment variable.
import { openDatabase } from "../../db/client";
import { defineJob, JobRunner } from "~/jobs/runner.server";

interface ChildConfig {
  dbPath: string;
  holder: string;
  everyMs: number;
  runMs: number;
  pollMs: number;
  leaseMs: number;
}

const config = JSON.parse(process.env.JOB_CHILD ?? "{}") as ChildConfig;
const database = openDatabase(config.dbPath);
const probe = defineJob({
  name: "probe",
  everyMs: () => config.everyMs,
  firstDelayMs: 0,
  timeoutMs: 120_000,
  run: () => new Promise((resolve) => setTimeout(() => resolve({ slept: config.runMs }), config.runMs)),
});
const runner = new JobRunner({
  db: () => database,
  jobs: [probe],
  pollMs: config.pollMs,
  leaseMs: config.leaseMs,
  holder: config.holder,
});
runner.start();
// The runner's timers do not keep a server alive on their own; here nothing else would.
const keepAlive = setInterval(() => undefined, 1_000);
process.on("SIGTERM", () => {
  clearInterval(keepAlive);
  void runner.stop(0).then(() => {
    database.$client.close();
    process.exit(0);
  });
});
process.stdout.write("ready\n");
