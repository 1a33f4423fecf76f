// A real SMTP server for development and tests (docs/decisions/016): it accepts every
// message on 127.0.0.1 and stores it as an .eml file under the given directory, written to a
// temporary name first and renamed when complete, so a reader never sees half a message.
// In process (`startMailCatcher`, what `npm start` in demo mode uses) or as a process of its own
// (`startMailCatcherProcess`, what the bench uses, decision 148): a real deployment's SMTP server
// is not the portal's process, and its CPU is not the portal's. As the bench's sink (`sink`,
// decision 158) it receives every message over SMTP as before and counts it, but stores nothing:
// the bench reads no mail, and the stand-in's CPU per receipt is then the SMTP exchange only.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

export async function startMailCatcher(dir, { port = 0, host = "127.0.0.1", sink = false } = {}) {
  if (!sink) mkdirSync(dir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // The client is this machine: no reverse DNS lookup of 127.0.0.1 per connection.
    disableReverseLookup: true,
    size: 20 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      if (sink) {
        // Read to its end (the server has then seen the whole message, its size checked) and counted.
        stream.on("end", () => {
          received++;
          callback();
        });
        stream.resume();
        return;
      }
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const tmp = join(dir, `.${name}.tmp`);
      const out = createWriteStream(tmp);
      stream.pipe(out);
      out.on("finish", () => {
        try {
          renameSync(tmp, join(dir, `${name}.eml`));
          received++;
          callback();
        } catch (error) {
          callback(error);
        }
      });
      out.on("error", callback);
    },
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.server.address();
  return {
    url: `smtp://${host}:${address.port}`,
    received: () => received,
    close: () => new Promise((r) => server.close(r)),
  };
}

const self = fileURLToPath(import.meta.url);
const URL_LINE = "MAIL_CATCHER_URL=";
const RECEIVED_LINE = "MAIL_RECEIVED=";

/**
 * The same catcher in a child process of its own, storing into `dir` (or, with `sink`, storing
 * nothing). Resolves once it listens, with its `url`, `pid` (for its CPU time), `received()` (how
 * many messages it has received) and `close()`. The child also ends when this process does (its
 * stdin closes), so a killed parent leaves no catcher behind.
 */
export function startMailCatcherProcess(dir, { sink = false } = {}) {
  const args = sink ? [self, resolve(dir), "--sink"] : [self, resolve(dir)];
  const child = spawn(process.execPath, args, { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise((r) => child.once("exit", r));
  return new Promise((resolveStart, reject) => {
    let buffered = "";
    const onData = (chunk) => {
      buffered += chunk.toString("utf8");
      const at = buffered.indexOf(URL_LINE);
      const end = buffered.indexOf("\n", at);
      if (at < 0 || end < 0) return;
      child.stdout.off("data", onData);
      // Later lines answer `received()`: one "count" line asked, one MAIL_RECEIVED= line back.
      const waiting = [];
      let lines = buffered.slice(end + 1);
      child.stdout.on("data", (c) => {
        lines += c.toString("utf8");
        for (let nl = lines.indexOf("\n"); nl >= 0; nl = lines.indexOf("\n")) {
          const line = lines.slice(0, nl);
          lines = lines.slice(nl + 1);
          if (line.startsWith(RECEIVED_LINE)) waiting.shift()?.(Number(line.slice(RECEIVED_LINE.length)));
        }
      });
      resolveStart({
        url: buffered.slice(at + URL_LINE.length, end).trim(),
        pid: child.pid,
        received: () =>
          new Promise((answer) => {
            waiting.push(answer);
            child.stdin.write("count\n");
          }),
        close: async () => {
          if (child.exitCode !== null || child.signalCode !== null) return;
          child.kill("SIGTERM");
          const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
          await exited;
          clearTimeout(timer);
        },
      });
    };
    child.stdout.on("data", onData);
    child.once("exit", (code) => reject(new Error(`the mail catcher stopped before it listened (${code})`)));
  });
}

// `node scripts/mail-catcher.mjs <dir>`: listens on a free loopback port and says where on stdout.
if (process.argv[1] && resolve(process.argv[1]) === self) {
  const catcher = await startMailCatcher(process.argv[2] ?? "data/mail", { sink: process.argv[3] === "--sink" });
  process.stdout.write(`${URL_LINE}${catcher.url}\n`);
  // Each line on stdin asks how many messages have been received.
  process.stdin.on("data", (c) => {
    for (const ch of c.toString("utf8"))
      if (ch === "\n") process.stdout.write(`${RECEIVED_LINE}${catcher.received()}\n`);
  });
  // A client still connected (a pooled SMTP connection) is given a moment, then the process ends.
  const stop = () => {
    setTimeout(() => process.exit(0), 2_000).unref();
    void catcher.close().then(() => process.exit(0));
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.resume();
}
