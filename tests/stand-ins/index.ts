import type { RequestListener } from "node:http";
import { BOLAGSVERKET_STAND_IN } from "./bolagsverket";
import { lantmaterietStandIn } from "./lantmateriet";
import { navetStandIn } from "./navet";
import { SWISH_STAND_IN } from "./swish";

/**
 * The local stand-ins for the authorities' registers (decision 066). Each answers the published
 * request and response formats of its register over real HTTP, from the same example people,
 * properties and companies as the demo adapters. Integration tests start one on port 0; the
 * end-to-end server (scripts/e2e-server.mjs, through ./serve.ts) starts all of them and points the
 * portal's real clients at them with the settings each one names.
 */
export interface StandIn {
  /** Short name, used in logs. */
  name: string;
  /** The request handler; built once per server. */
  listener: () => RequestListener | Promise<RequestListener>;
  /** Portal settings that make its real client ask this stand-in at `baseUrl` (no trailing slash). */
  env: (baseUrl: string) => Record<string, string>;
}

/** Every stand-in the e2e server starts; each register's module adds its entry here. */
export const STAND_INS: StandIn[] = [navetStandIn, lantmaterietStandIn, BOLAGSVERKET_STAND_IN, SWISH_STAND_IN];
