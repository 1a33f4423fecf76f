/**
 * The security headers every response carries, cache hits included (scripts/serve.mjs sets them
 * on every request; the page cache's fast path sends the same set). Defined once here, as data,
 * so that a cache hit can send them without rebuilding them (docs/decisions/113): the fixed
 * headers and the two halves of the CSP around its nonce are made once per process.
 */
import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { randomPooled } from "~/platform/random.server";

type Res = ServerResponse & { locals?: Record<string, unknown> };

export interface SecurityHeaderSet {
  /** The CSP up to its nonce, and after it: `${cspHead}${nonce}${cspTail}`. */
  cspHead: string;
  cspTail: string;
  /** Every other security header, in the order they are sent. */
  fixed: readonly (readonly [string, string])[];
}

type SecurityHeaders = ((res: Res) => void) & { set: SecurityHeaderSet };

function securityHeaderSet(production: boolean): SecurityHeaderSet {
  const connectSrc = `connect-src 'self'${production ? "" : " ws://localhost:* ws://127.0.0.1:*"}`;
  const fixed: [string, string][] = [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["X-Frame-Options", "DENY"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"],
  ];
  if (production) fixed.push(["Strict-Transport-Security", "max-age=63072000; includeSubDomains"]);
  return {
    cspHead: "default-src 'self'; script-src 'self' 'nonce-",
    cspTail: [
      "'",
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      connectSrc,
      "form-action 'self'",
      "frame-ancestors 'none'",
      "base-uri 'self'",
      "object-src 'none'",
    ].join("; "),
    fixed,
  };
}

/**
 * A fresh CSP nonce: 16 bytes from the CSPRNG, base64. The bytes are drawn 4 KB at a time and
 * each 16 are used once: one `randomBytes(16)` per response cost more than the rest of a cache hit.
 */
export function freshNonce(): string {
  return randomPooled(16).toString("base64");
}

/**
 * The server's header function: a request id and a fresh nonce in `res.locals` (the load
 * context takes them from there) and every security header on `res`.
 */
export function createSecurityHeaders(options: { production: boolean }): SecurityHeaders {
  const set = securityHeaderSet(options.production);
  const apply = (res: Res) => {
    const requestId = randomUUID();
    const nonce = freshNonce();
    res.locals ??= {};
    res.locals.requestId = requestId;
    res.locals.cspNonce = nonce;
    res.setHeader("X-Request-Id", requestId);
    res.setHeader("Content-Security-Policy", `${set.cspHead}${nonce}${set.cspTail}`);
    for (const [name, value] of set.fixed) res.setHeader(name, value);
  };
  return Object.assign(apply, { set });
}
