import { existsSync, readFileSync } from "node:fs";
import { parsePersonnummer } from "../../forms/lib/identity-number";

export const SERVER_LOG = "tests/.tmp/e2e/server.log";

/**
 * Personnummer-shaped strings in the e2e server's log (MISSION.md: logs never contain
 * personnummer). A digit run counts when it parses as a valid personnummer or
 * samordningsnummer (date + Luhn), so request ids and timestamps do not give false alarms.
 */
export function personnummerInLog(path = SERVER_LOG): string[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![0-9])(?:[0-9]{2})?[0-9]{6}[-+ ]?[0-9]{4}(?![0-9])/g)) {
    const candidate = m[0].replace(" ", "");
    if (parsePersonnummer(candidate).ok) found.add(candidate.slice(0, 6) + "…");
  }
  return [...found];
}
