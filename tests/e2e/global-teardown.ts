import { personnummerInLog, SERVER_LOG } from "./log-scan";

/** After the whole run: the server's log must hold no personnummer. */
export default async function globalTeardown() {
  const found = personnummerInLog();
  if (found.length > 0) {
    throw new Error(
      `${SERVER_LOG} contains ${found.length} personnummer-shaped value(s), e.g. ${found.slice(0, 3).join(", ")}`,
    );
  }
}
