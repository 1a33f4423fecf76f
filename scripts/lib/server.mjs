// Start and stop the built portal (scripts/serve.mjs) as a child process, by its own PID
// (STACK.md pitfall 2). Used by the benchmark, the crash/backup drills and the sweeps.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { PORTAL_NODE_FLAGS, PORTAL_PROCESS_ENV } from "./node-flags.mjs";

/**
 * The rate limits a load measurement runs under (the bench, scripts/prof): the portal's limits
 * would otherwise throttle the load they are measured with.
 */
export const LOAD_LIMITS_ENV = Object.freeze({
  RATE_LIMIT_SUBMISSIONS: "1000000",
  RATE_LIMIT_API: "1000000",
  RATE_LIMIT_EXPENSIVE_GET: "0",
});

export function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

/** Resident set size of a process in bytes (Linux /proc), or 0 when it is gone. */
export function rssOf(pid) {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Poll `url` until it answers 200; resolves with the milliseconds waited. */
export async function waitForOk(url, { timeoutMs = 60_000, child } = {}) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child && child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before answering`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.ok) return performance.now() - started;
    } catch {
      /* not yet */
    }
    await sleep(10);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * CPU time (user + system) a process has used, in ms, from /proc/<pid>/stat; NaN when unreadable.
 * With `{ mainThread: true }` only its main thread's (/proc/<pid>/task/<pid>/stat): a Node process's
 * event loop, without its worker and libuv threads (the walk row's bottleneck, decision 167).
 */
export function cpuMsOf(pid, { mainThread = false } = {}) {
  const { user, system } = cpuSplitOf(pid, { mainThread });
  return user + system;
}

/**
 * The CPU ms a process (or its main thread alone) has used so far, as user and system time: the
 * system share is the kernel's work for it (its syscalls: SQLite's writes and locks, sockets).
 * NaN for both when it cannot be read.
 */
export function cpuSplitOf(pid, { mainThread = false } = {}) {
  try {
    const stat = readFileSync(mainThread ? `/proc/${pid}/task/${pid}/stat` : `/proc/${pid}/stat`, "utf8");
    // After the command name (in parentheses, may contain spaces): field 14 utime, 15 stime, in clock ticks (100/s).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { user: Number(fields[11]) * 10, system: Number(fields[12]) * 10 };
  } catch {
    return { user: NaN, system: NaN };
  }
}

/**
 * Starts the production build on `port` with its data in `dataDir`, with the production start's
 * Node flags (scripts/lib/node-flags.mjs; `nodeFlags` replaces them). Resolves once /healthz
 * answers, with `startMs` = spawn to first answer. The log goes to `dataDir/server-<n>.log`.
 * `mailProcess`: the mail catcher runs in a process of its own (storing into `dataDir/mail` as the
 * in-process one does) and the portal gets its SMTP_URL, as a real SMTP server would be (decision
 * 148); `mail.pid` is its process. `mailProcess: "sink"` (the bench, decision 158): it receives and
 * counts every message (`mail.received()`) but stores none. Without it (and without SMTP_URL) the
 * portal catches mail itself.
 */
export async function startPortal({
  dataDir,
  port,
  env = {},
  script = "scripts/serve.mjs",
  timeoutMs = 120_000,
  health = "/healthz",
  nodeFlags = PORTAL_NODE_FLAGS,
  mailProcess = false,
}) {
  dataDir = resolve(dataDir);
  mkdirSync(dataDir, { recursive: true });
  // A portal left over from an earlier run on the same port would answer the health check in
  // this one's place, and a drill would then test the wrong server: refuse clearly instead.
  const stale = await fetch(`http://127.0.0.1:${port}${health}`, { signal: AbortSignal.timeout(1_000) }).then(
    () => true,
    () => false,
  );
  if (stale)
    throw new Error(
      `port ${port} already answers: another server is running there (stop it, or set DRILL_PORT/E2E_PORT)`,
    );
  // Loaded only when asked for: the drills' starts do not load the SMTP server.
  const mail =
    mailProcess && !env.SMTP_URL
      ? await (
          await import("../mail-catcher.mjs")
        ).startMailCatcherProcess(join(dataDir, "mail"), {
          sink: mailProcess === "sink",
        })
      : null;
  if (mail) env = { ...env, SMTP_URL: mail.url };
  const logPath = join(dataDir, `server-${Date.now()}.log`);
  const log = createWriteStream(logPath);
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeFlags, script], {
    env: {
      ...process.env,
      ...PORTAL_PROCESS_ENV,
      DATA_DIR: dataDir,
      DATABASE_PATH: join(dataDir, "portal.db"),
      PORTAL_ENV: "test",
      LOG_LEVEL: "warn",
      HOST: "127.0.0.1",
      PORT: String(port),
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise((r) => child.once("exit", (code, signal) => r({ code, signal })));
  try {
    await waitForOk(`${url}${health}`, { timeoutMs, child });
  } catch (error) {
    child.kill("SIGKILL");
    await mail?.close();
    throw new Error(`${error.message}; log: ${logPath}\n${safeRead(logPath).slice(-2000)}`);
  }
  const startMs = performance.now() - started;
  return {
    child,
    pid: child.pid,
    url,
    port,
    dataDir,
    logPath,
    startMs,
    exited,
    mail,
    rss: () => rssOf(child.pid),
    /** SIGTERM (graceful) by default; resolves with the exit code/signal. The mail process stops after the portal. */
    async stop(signal = "SIGTERM", timeoutMs = 15_000) {
      if (child.exitCode !== null || child.signalCode !== null) {
        await mail?.close();
        return exited;
      }
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
      const result = await exited;
      clearTimeout(timer);
      await mail?.close();
      return result;
    },
  };
}

function safeRead(path) {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}

/** Stops every started server when this process is interrupted, so none is left behind. */
export function stopOnExit(servers) {
  const stopAll = () => {
    for (const s of servers) if (s?.child?.exitCode === null) s.child.kill("SIGKILL");
  };
  process.on("exit", stopAll);
  for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => (stopAll(), process.exit(130)));
}
