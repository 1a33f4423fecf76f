import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";

/**
 * All configuration comes from the environment and is validated once, at start-up.
 * Secrets that are missing in development are generated into DATA_DIR so that
 * `npm start` works on a fresh machine; in production they are required.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("data"),
  DATABASE_PATH: z.string().optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** "production" turns on Secure cookies, HSTS and the stricter checks; set by the operator. */
  PORTAL_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Minutes between runs of the in-server link checker; 0 turns it off. Default: daily, off in test. */
  LINK_CHECK_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(43200).optional(),
  /** Requests a minute one client IP may make to /api/v1 (also its burst). */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(120),
  /** Where submitted cases are handed to the case-management system (docs/decisions/020). */
  CASE_OUTBOX: z.enum(["off", "folder", "webhook"]).optional(),
  CASE_OUTBOX_DIR: z.string().optional(),
  CASE_OUTBOX_URL: z.string().url().refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL").optional(),
  /** Signs webhook bodies (HMAC-SHA256, header X-Portal-Signature). */
  CASE_OUTBOX_SECRET: z.string().min(16, "CASE_OUTBOX_SECRET must be at least 16 characters").optional(),
  CASE_OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
});

export type Env = z.infer<typeof EnvSchema> & {
  LINK_CHECK_INTERVAL_MINUTES: number;
  CASE_OUTBOX: "off" | "folder" | "webhook";
  CASE_OUTBOX_DIR: string;
  DATA_DIR: string;
  DATABASE_PATH: string;
  SESSION_SECRET: string;
  PUBLIC_URL: string;
};

function secretFromDataDir(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, `.${name}`);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const value = randomBytes(bytes).toString("base64url");
  writeFileSync(file, value, { mode: 0o600 });
  return value;
}

let cached: Env | undefined;

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const dataDir = resolve(raw.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const production = raw.PORTAL_ENV === "production";
  if (production && !raw.SESSION_SECRET) {
    throw new Error("Invalid environment:\n  SESSION_SECRET: required when PORTAL_ENV=production");
  }
  const outbox = raw.CASE_OUTBOX ?? (raw.PORTAL_ENV === "test" ? "off" : "folder");
  if (outbox === "webhook" && !raw.CASE_OUTBOX_URL) {
    throw new Error("Invalid environment:\n  CASE_OUTBOX_URL: required when CASE_OUTBOX=webhook");
  }
  return {
    ...raw,
    CASE_OUTBOX: outbox,
    CASE_OUTBOX_DIR: resolve(raw.CASE_OUTBOX_DIR ?? join(dataDir, "outbox")),
    DATA_DIR: dataDir,
    DATABASE_PATH: resolve(raw.DATABASE_PATH ?? join(dataDir, "portal.db")),
    SESSION_SECRET: raw.SESSION_SECRET ?? secretFromDataDir(dataDir, "session-secret", 48),
    PUBLIC_URL: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
    LINK_CHECK_INTERVAL_MINUTES: raw.LINK_CHECK_INTERVAL_MINUTES ?? (raw.PORTAL_ENV === "test" ? 0 : 1440),
  };
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/** For tests that change the environment between cases. */
export function resetEnvForTests() {
  cached = undefined;
}
