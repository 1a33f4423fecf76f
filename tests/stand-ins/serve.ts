import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { STAND_INS } from "./index";

/**
 * Starts every stand-in on a free loopback port and prints one line, `STAND_INS_ENV=<json>`, with
 * the portal settings that point its real clients at them (read by scripts/e2e-server.mjs).
 * Runs until killed.
 */
const env: Record<string, string> = {};
for (const standIn of STAND_INS) {
  const server = createServer(await standIn.listener());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  Object.assign(env, standIn.env(`http://127.0.0.1:${port}`));
  process.stderr.write(`stand-in ${standIn.name} on http://127.0.0.1:${port}\n`);
}
process.stdout.write(`STAND_INS_ENV=${JSON.stringify(env)}\n`);
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => process.exit(0));
setInterval(() => undefined, 1 << 30); // stay up until killed, even with no stand-in listed
