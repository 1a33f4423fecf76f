#!/usr/bin/env node
// Starts the production build for the end-to-end tests on a fresh database in
// tests/.tmp/e2e, and keeps the server's log there so that tests can read it
// (e.g. to prove that no personnummer is ever logged).
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";

const dir = resolve(process.env.E2E_DATA_DIR ?? "tests/.tmp/e2e");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const log = createWriteStream(join(dir, "server.log"));

// The registers' stand-ins (tests/stand-ins, decision 066) answer the portal's real Navet,
// Lantmäteriet and Bolagsverket clients over HTTP on loopback ports of their own.
const standIns = spawn(process.execPath, ["--import", "tsx", "tests/stand-ins/serve.ts"], {
  stdio: ["ignore", "pipe", "pipe"],
});
standIns.stderr.on("data", (chunk) => log.write(chunk));
const standInEnv = await new Promise((resolvePromise, reject) => {
  let buffered = "";
  standIns.stdout.on("data", (chunk) => {
    buffered += chunk.toString("utf8");
    const start = buffered.indexOf("STAND_INS_ENV=");
    const end = buffered.indexOf("\n", start);
    if (start >= 0 && end > start) resolvePromise(JSON.parse(buffered.slice(start + 14, end)));
  });
  standIns.on("exit", (code) => reject(new Error(`the register stand-ins stopped (${code})`)));
});

const child = spawn(process.execPath, ["scripts/serve.mjs"], {
  // The folder outbox is on, so that every case submitted in e2e is really handed over by the
  // server's worker (docs/decisions/034); it writes to $DATA_DIR/outbox.
  // Every browser of the run comes from 127.0.0.1, so the per-address login throttle (20 failed
  // steps per 15 min, docs/decisions/038) would soon block the staff logins of unrelated tests
  // after the lock-out tests; it has its own tests in tests/integration/login-throttle.test.ts.
  // The same for the per-address bucket of posts (120 a minute, 60 at once): two workers' posts
  // together can empty it, and a post then gets 429 instead of its answer. That is the likely cause
  // of a step post in step-template.spec.ts that once answered without its redirect (2026-12-08;
  // the test now names the status). The limiter has its own tests
  // (app/platform/rate-limit.server.test.ts, tests/integration/security-input.test.ts).
  env: {
    PUBLIC_URL: `http://127.0.0.1:${process.env.PORT ?? 3000}`,
    CASE_OUTBOX: "folder",
    LOGIN_FAILURES_PER_ADDRESS: "1000",
    RATE_LIMIT_SUBMISSIONS: "6000",
    RATE_LIMIT_SUBMISSIONS_BURST: "3000",
    RATE_LIMIT_EXPENSIVE_GET: "0",
    ...standInEnv,
    ...process.env,
    DATA_DIR: dir,
    DATABASE_PATH: join(dir, "portal.db"),
    PORTAL_ENV: "test",
    HOST: "127.0.0.1",
  },
  stdio: ["ignore", "pipe", "pipe"],
});
for (const stream of [child.stdout, child.stderr]) {
  stream.on("data", (chunk) => {
    log.write(chunk);
    process.stdout.write(chunk);
  });
}
child.on("exit", (code) => {
  standIns.kill("SIGTERM");
  process.exit(code ?? 0);
});
for (const signal of ["SIGTERM", "SIGINT"])
  process.on(signal, () => {
    standIns.kill(signal);
    child.kill(signal);
  });
