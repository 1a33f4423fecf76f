import type { IncomingMessage } from "node:http";

/**
 * The client address Express gives as `req.ip`, for code that answers before Express (the diarium
 * template's rate limit, decision 144). scripts/serve.mjs trusts exactly one proxy hop when
 * TRUST_PROXY=1 (`app.set("trust proxy", 1)`), otherwise none. With one trusted hop Express
 * (proxy-addr over `forwarded`) takes the last non-empty entry of X-Forwarded-For, entries split at
 * commas and stripped of spaces only, and the socket's address when there is none. The same scan is
 * done here, backwards and in one pass (no regular expression); tests compare it with Express.
 */
export function clientAddress(req: IncomingMessage, trustOneProxy: boolean): string | undefined {
  const socket = req.socket.remoteAddress;
  const raw = req.headers["x-forwarded-for"];
  // Node joins repeated X-Forwarded-For lines with ", " (a list only if a caller built one).
  const header = Array.isArray(raw) ? raw.join(", ") : raw;
  if (!trustOneProxy || !header) return socket;
  let end = header.length;
  let start = end;
  for (let i = header.length - 1; i >= 0; i--) {
    const c = header.charCodeAt(i);
    if (c === 0x20) {
      if (start === end) start = end = i;
    } else if (c === 0x2c) {
      if (start !== end) return header.substring(start, end);
      start = end = i;
    } else start = i;
  }
  return start !== end ? header.substring(start, end) : socket;
}
