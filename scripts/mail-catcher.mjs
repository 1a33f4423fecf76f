// A real SMTP server for development and tests (docs/decisions/016): it accepts every
// message on 127.0.0.1 and stores it as an .eml file under the given directory, written to a
// temporary name first and renamed when complete, so a reader never sees half a message.
// In process (`startMailCatcher`, what `npm start` in demo mode uses) or as a process of its own
// (`startMailCatcherProcess`, what the bench uses, decision 148): a real deployment's SMTP server
// is not the portal's process, and its CPU is not the portal's.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";

export async function startMailCatcher(dir, { port = 0, host = "127.0.0.1" } = {}) {
  mkdirSync(dir, { recursive: true });
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    size: 20 * 1024 * 1024,
    logger: false,
    onData(stream, _session, callback) {
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}`;
      const tmp = join(dir, `.${name}.tmp`);
      const out = createWriteStream(tmp);
      stream.pipe(out);
      out.on("finish", () => {
        try {
          renameSync(tmp, join(dir, `${name}.eml`));
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
  return { url: `smtp://${host}:${address.port}`, close: () => new Promise((r) => server.close(r)) };
}

const self = fileURLToPath(import.meta.url);
const URL_LINE = "MAIL_CATCHER_URL=";

/**
 * The same catcher in a child process of its own, storing into `dir`. Resolves once it listens,
 * with its `url`, `pid` (for its CPU time) and `close()`. The child also ends when this process
 * does (its stdin closes), so a killed parent leaves no catcher behind.
 */
export function startMailCatcherProcess(dir) {
  const child = spawn(process.execPath, [self, resolve(dir)], { stdio: ["pipe", "pipe", "inherit"] });
  const exited = new Promise((r) => child.once("exit", r));
  return new Promise((resolveStart, reject) => {
    let buffered = "";
    const onData = (chunk) => {
      buffered += chunk.toString("utf8");
      const at = buffered.indexOf(URL_LINE);
      const end = buffered.indexOf("\n", at);
      if (at < 0 || end < 0) return;
      child.stdout.off("data", onData);
      child.stdout.resume();
      resolveStart({
        url: buffered.slice(at + URL_LINE.length, end).trim(),
        pid: child.pid,
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
  const catcher = await startMailCatcher(process.argv[2] ?? "data/mail");
  process.stdout.write(`${URL_LINE}${catcher.url}\n`);
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
