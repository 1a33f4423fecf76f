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
  /** 32 bytes, base64 or base64url: encrypts sensitive answers at rest. */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, "DATA_ENCRYPTION_KEY must be 32 bytes, base64-encoded")
    .optional(),
  /** Where receipts are sent, e.g. smtp://user:pass@mail.example.se:587 (docs/decisions/016). */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Dalslands e-tjänster <noreply@dalsland.example.se>"),
});

export type Env = z.infer<typeof EnvSchema> & {
  DATA_DIR: string;
  DATABASE_PATH: string;
  SESSION_SECRET: string;
  DATA_ENCRYPTION_KEY: string;
  PUBLIC_URL: string;
  /** The local mail catcher's address in development and tests (scripts/serve.mjs). */
  SMTP_URL: string | undefined;
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
  if (production && !raw.DATA_ENCRYPTION_KEY) {
    throw new Error("Invalid environment:\n  DATA_ENCRYPTION_KEY: required when PORTAL_ENV=production");
  }
  if (production && !raw.SMTP_URL) {
    throw new Error("Invalid environment:\n  SMTP_URL: required when PORTAL_ENV=production");
  }
  return {
    ...raw,
    DATA_DIR: dataDir,
    DATABASE_PATH: resolve(raw.DATABASE_PATH ?? join(dataDir, "portal.db")),
    SESSION_SECRET: raw.SESSION_SECRET ?? secretFromDataDir(dataDir, "session-secret", 48),
    DATA_ENCRYPTION_KEY: raw.DATA_ENCRYPTION_KEY ?? secretFromDataDir(dataDir, "data-encryption-key", 32),
    PUBLIC_URL: raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`,
    SMTP_URL: raw.SMTP_URL,
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
