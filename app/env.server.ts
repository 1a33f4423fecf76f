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
  /** Requests per minute per client address; 0 turns a limit off (docs/decisions/031). */
  RATE_LIMIT_SUBMISSIONS: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_SUBMISSIONS_BURST: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_API: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_API_BURST: z.coerce.number().int().min(1).default(120),
  /** The anonymous page cache (docs/decisions/030): "on" or "off", and its time-to-live. */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
});

export type Env = z.infer<typeof EnvSchema> & {
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
  return {
    ...raw,
    DATA_DIR: dataDir,
    DATABASE_PATH: resolve(raw.DATABASE_PATH ?? join(dataDir, "portal.db")),
    SESSION_SECRET: raw.SESSION_SECRET ?? secretFromDataDir(dataDir, "session-secret", 48),
    PUBLIC_URL: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
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
