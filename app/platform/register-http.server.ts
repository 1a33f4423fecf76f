import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { Agent as HttpsAgent, request as httpsRequest } from "node:https";
import type { z } from "zod";

/**
 * One way to ask an authority's register (Skatteverket, Lantmäteriet, Bolagsverket) over HTTP
 * (decision 066): a time-out per attempt, retries with doubling pauses on a network error, a
 * time-out, 429 or 5xx, a cap on the answer's size, and optional client certificates (mutual
 * TLS, as Skatteverket asks of municipalities). 2xx and other 4xx answers are returned as they
 * are: the adapter decides what "not found" looks like in its register's format. Errors name the
 * register and what happened, never a credential or a personal identity number.
 */

/** The register did not answer usefully: no connection, time-outs, 5xx or 429 after every attempt. */
export class RegisterUnavailableError extends Error {
  constructor(
    readonly register: string,
    detail: string,
  ) {
    super(`${register} did not answer: ${detail}`);
    this.name = "RegisterUnavailableError";
  }
}

/** The register answered, but not in its published format (or with a status the adapter cannot use). */
export class RegisterAnswerError extends Error {
  constructor(
    readonly register: string,
    detail: string,
  ) {
    super(`${register} answered in an unexpected form: ${detail}`);
    this.name = "RegisterAnswerError";
  }
}

export interface RegisterTls {
  /** PEM client certificate and key for mutual TLS. */
  cert?: string;
  key?: string;
  /** PEM CA certificates to trust instead of the system's (a test stand-in's own CA). */
  ca?: string;
}

export interface RegisterHttpOptions {
  /** Name used in errors and logs, e.g. "Navet". */
  register: string;
  /** Per attempt (default 5 s). */
  timeoutMs?: number;
  /** Attempts on a network error, a time-out, 429 or 5xx (default 3). */
  attempts?: number;
  /** First pause between attempts, doubled each time (default 200 ms). */
  backoffMs?: number;
  /** Largest answer accepted (default 2 MB). */
  maxBytes?: number;
  tls?: RegisterTls;
}

export interface RegisterRequest {
  method: "GET" | "POST" | "PUT";
  headers?: Record<string, string>;
  body?: string;
}

export interface RegisterAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

const agents = new Map<string, HttpsAgent>();

function agentFor(tls: RegisterTls | undefined): HttpsAgent | undefined {
  if (!tls || (!tls.cert && !tls.ca)) return undefined;
  const key = `${tls.cert ?? ""}\u0000${tls.key ?? ""}\u0000${tls.ca ?? ""}`;
  let agent = agents.get(key);
  if (!agent) {
    agent = new HttpsAgent({ cert: tls.cert, key: tls.key, ca: tls.ca, keepAlive: true });
    agents.set(key, agent);
  }
  return agent;
}

class Retryable extends Error {}

function once(url: URL, req: RegisterRequest, options: RegisterHttpOptions): Promise<RegisterAnswer> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  const send = url.protocol === "https:" ? httpsRequest : url.protocol === "http:" ? httpRequest : null;
  if (!send) return Promise.reject(new RegisterAnswerError(options.register, `unsupported protocol ${url.protocol}`));
  return new Promise<RegisterAnswer>((resolve, reject) => {
    const headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers["content-length"] = String(Buffer.byteLength(req.body));
    const r = send(url, { method: req.method, headers, agent: agentFor(options.tls), timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) {
          res.destroy();
          reject(new RegisterAnswerError(options.register, `answer larger than ${maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on("error", (error) => reject(new Retryable(error.message)));
      res.on("end", () => {
        if (size > maxBytes) return;
        const status = res.statusCode ?? 0;
        const text = Buffer.concat(chunks).toString("utf8");
        if (status >= 500 || status === 429) reject(new Retryable(`status ${status}`));
        else resolve({ status, headers: res.headers, text });
      });
    });
    // A wall-clock limit for the whole attempt: the socket time-out alone restarts on every byte.
    const timer = setTimeout(() => r.destroy(new Retryable(`no answer within ${timeoutMs} ms`)), timeoutMs);
    r.on("timeout", () => r.destroy(new Retryable(`no answer within ${timeoutMs} ms`)));
    r.on("error", (error) => reject(error instanceof Retryable ? error : new Retryable(error.message)));
    r.on("close", () => clearTimeout(timer));
    if (req.body !== undefined) r.write(req.body);
    r.end();
  });
}

/** Ask the register once, retrying what may pass on a second try; see the module comment. */
export async function registerRequest(
  url: string | URL,
  req: RegisterRequest,
  options: RegisterHttpOptions,
): Promise<RegisterAnswer> {
  const target = typeof url === "string" ? new URL(url) : url;
  const attempts = options.attempts ?? 3;
  let pause = options.backoffMs ?? 200;
  let last = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      return await once(target, req, options);
    } catch (error) {
      if (!(error instanceof Retryable)) throw error;
      last = error.message;
      if (attempt < attempts) {
        await new Promise((r) => setTimeout(r, pause));
        pause *= 2;
      }
    }
  }
  throw new RegisterUnavailableError(options.register, `${last} (after ${attempts} attempts to ${target.origin})`);
}

/** Parse a JSON answer against the register's published schema: a malformed answer is refused whole. */
export function parseRegisterJson<T>(register: string, text: string, schema: z.ZodType<T>): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new RegisterAnswerError(register, "not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new RegisterAnswerError(register, `${first?.path.join(".") || "answer"}: ${first?.message ?? "invalid"}`);
  }
  return parsed.data;
}

export interface ClientCredentialsConfig extends RegisterHttpOptions {
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

/**
 * OAuth 2.0 client credentials (RFC 6749 section 4.4), as Lantmäteriet's and Bolagsverket's APIs
 * ask: the token is fetched when needed, kept in memory until shortly before it expires, and
 * dropped when the API says it is no longer valid (call `invalidate()` on a 401).
 */
export class ClientCredentials {
  private cached: { token: string; until: number } | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly config: ClientCredentialsConfig) {}

  async token(now = Date.now()): Promise<string> {
    if (this.cached && this.cached.until > now) return this.cached.token;
    this.pending ??= this.fetchToken(now).finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  invalidate(): void {
    this.cached = null;
  }

  private async fetchToken(now: number): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (this.config.scope) form.set("scope", this.config.scope);
    const basic = Buffer.from(
      `${encodeURIComponent(this.config.clientId)}:${encodeURIComponent(this.config.clientSecret)}`,
    ).toString("base64");
    const answer = await registerRequest(
      this.config.tokenUrl,
      {
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          accept: "application/json",
          authorization: `Basic ${basic}`,
        },
        body: form.toString(),
      },
      { ...this.config, register: `${this.config.register} token endpoint` },
    );
    if (answer.status !== 200)
      throw new RegisterAnswerError(this.config.register, `token endpoint refused with ${answer.status}`);
    let json: unknown;
    try {
      json = JSON.parse(answer.text);
    } catch {
      throw new RegisterAnswerError(this.config.register, "token answer is not JSON");
    }
    const body = json as { access_token?: unknown; token_type?: unknown; expires_in?: unknown };
    if (typeof body.access_token !== "string" || body.access_token.length === 0)
      throw new RegisterAnswerError(this.config.register, "token answer has no access_token");
    if (typeof body.token_type !== "string" || body.token_type.toLowerCase() !== "bearer")
      throw new RegisterAnswerError(this.config.register, "token answer is not a bearer token");
    const lifetime = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : 300;
    this.cached = { token: body.access_token, until: now + Math.max(lifetime - 30, 1) * 1000 };
    return body.access_token;
  }
}
