// Stand-in for 46elks' SMS API (decision 079), as published at https://46elks.se/documentation:
// `POST /a1/sms` with HTTP basic auth and a form-encoded body of `from` (a text sender id of at
// most 11 letters and digits, or an E.164 number), `to` (E.164) and `message`; the answer is
// 200 with the created SMS as JSON ({ status: "created", id, from, to, message, created,
// direction: "outgoing", parts, cost }); a bad request is a 4xx with a plain-text reason.
// `GET /a1/sms` lists what was sent ({ data: [...] }, newest first), as 46elks' history does.
// Plain JavaScript so that scripts/serve.mjs can start it in demo and test mode without a
// compiler; each accepted SMS is also written as JSON under `dir` (read by the e2e tests).
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";

export const ELKS46_USER = "u0123456789abcdef0123456789abcdef";
export const ELKS46_PASSWORD = "stand-in-password-not-for-production";

const E164 = /^\+[1-9]\d{6,14}$/;
const SENDER_ID = /^[A-Za-z0-9]{1,11}$/;

/**
 * @param {{ dir?: string, user?: string, password?: string }} [options]
 * @returns {{ listener: import("node:http").RequestListener, sent: object[], failNext: (n: number) => void }}
 */
export function elks46Gateway(options = {}) {
  const user = options.user ?? ELKS46_USER;
  const password = options.password ?? ELKS46_PASSWORD;
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;
  /** @type {object[]} */
  const sent = [];
  let failing = 0;
  if (options.dir) mkdirSync(options.dir, { recursive: true });

  /** @type {import("node:http").RequestListener} */
  const listener = (req, res) => {
    const answer = (status, body) => {
      const json = typeof body !== "string";
      res.writeHead(status, { "Content-Type": json ? "application/json" : "text/plain; charset=utf-8" });
      res.end(json ? JSON.stringify(body) : body);
    };
    const path = (req.url ?? "").split("?")[0].toLowerCase();
    if (path !== "/a1/sms") return answer(404, "Not found");
    if (req.headers.authorization !== expected) return answer(401, "API access requires Basic HTTP authentication");
    if (req.method === "GET") return answer(200, { data: [...sent].reverse() });
    if (req.method !== "POST") return answer(405, "Method not allowed");
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size <= 64 * 1024) chunks.push(chunk);
    });
    req.on("end", () => {
      if (failing > 0) {
        failing--;
        return answer(503, "Service temporarily unavailable");
      }
      if (!String(req.headers["content-type"] ?? "").startsWith("application/x-www-form-urlencoded"))
        return answer(400, "Missing key from");
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const from = form.get("from") ?? "";
      const to = form.get("to") ?? "";
      const message = form.get("message") ?? "";
      if (!from) return answer(400, "Missing key from");
      if (!to) return answer(400, "Missing key to");
      if (!message) return answer(400, "Missing key message");
      if (!SENDER_ID.test(from) && !E164.test(from)) return answer(403, "Invalid from");
      if (!E164.test(to)) return answer(403, "Invalid to number");
      if (message.length > 1600) return answer(403, "Message too long");
      const parts = Math.max(1, Math.ceil(message.length / 153));
      const sms = {
        status: "created",
        direction: "outgoing",
        id: `s${randomBytes(16).toString("hex")}`,
        from,
        to,
        message,
        created: new Date().toISOString().replace("Z", ""),
        parts,
        cost: parts * 3500,
        estimated_cost: parts * 3500,
      };
      sent.push(sms);
      if (options.dir) {
        const tmp = join(options.dir, `.${sms.id}.tmp`);
        writeFileSync(tmp, JSON.stringify(sms));
        renameSync(tmp, join(options.dir, `${sms.created.replace(/[:.]/g, "-")}-${sms.id}.json`));
      }
      answer(200, sms);
    });
  };
  return {
    listener,
    sent,
    failNext: (n) => {
      failing = n;
    },
  };
}

/**
 * Starts the gateway on a loopback port; `env` holds the portal settings that point its
 * 46elks client at it.
 * @param {string | undefined} dir
 */
export async function startElks46StandIn(dir, { port = 0, host = "127.0.0.1" } = {}) {
  const gateway = elks46Gateway({ dir });
  const server = createServer(gateway.listener);
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === "object" && address ? address.port : port}/a1/sms`;
  return {
    ...gateway,
    url,
    env: {
      SMS_GATEWAY: "46elks",
      SMS_GATEWAY_URL: url,
      SMS_GATEWAY_USER: ELKS46_USER,
      SMS_GATEWAY_PASSWORD: ELKS46_PASSWORD,
    },
    close: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
}
