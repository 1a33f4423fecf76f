import { env } from "~/env.server";

type Level = "debug" | "info" | "warn" | "error";
const order: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

// Personnummer-shaped digit runs never reach the log, whatever a caller passes in.
const PERSONAL_NUMBER = /\b(\d{2})?(\d{6})[-+ ]?(\d{4})\b/g;

export function redact(text: string): string {
  return text.replace(PERSONAL_NUMBER, "[personnummer]");
}

/** One JSON line per event on stdout/stderr; ops tooling can ship it as it is. */
export function log(level: Level, message: string, fields: Record<string, unknown> = {}) {
  if (order[level] < order[env().LOG_LEVEL]) return;
  const line = redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}
