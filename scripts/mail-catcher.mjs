// A real SMTP server for development and tests (docs/decisions/016): it accepts every
// message on 127.0.0.1 and stores it as an .eml file under the given directory, written to a
// temporary name first and renamed when complete, so a reader never sees half a message.
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, renameSync } from "node:fs";
import { join } from "node:path";
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
