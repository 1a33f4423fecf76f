import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { z } from "zod";
import { writeOnce } from "./platform/write-once.server";
import { acrList, isAcceptableAcrValue, LOA3 } from "./auth/assurance";

/**
 * All configuration comes from the environment and is validated once, at start-up.
 * PORTAL_ENV must be said out loud (docs/decisions/041): `demo` (example data, test logins),
 * `production` (fails closed: every unsafe combination is refused, see productionProblems)
 * or `test` (the automated tests; behaves like demo). Secrets that are missing in demo/test
 * are generated into DATA_DIR so that `npm start` works on a fresh machine.
 */
export const PORTAL_MODES = ["demo", "production", "test"] as const;

/** The refusal when PORTAL_ENV is unset or unknown; scripts/serve.mjs says the same before it loads the build. */
export function portalModeProblem(value: string | undefined): string | null {
  if (value !== undefined && (PORTAL_MODES as readonly string[]).includes(value)) return null;
  const choices =
    "PORTAL_ENV=demo (example data and test logins), PORTAL_ENV=production (real deployment) or PORTAL_ENV=test (automated tests)";
  if (value === undefined || value === "")
    return `PORTAL_ENV is not set. The portal does not guess its mode: set ${choices}.`;
  return `PORTAL_ENV=${value} is not a mode. Set ${choices}.`;
}

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATA_DIR: z.string().default("data"),
  DATABASE_PATH: z.string().optional(),
  SESSION_SECRET: z.string().min(32, "SESSION_SECRET must be at least 32 characters").optional(),
  PUBLIC_URL: z.string().url().optional(),
  /** Required, no default (docs/decisions/041); checked with a readable message in loadEnv. */
  PORTAL_ENV: z.enum(PORTAL_MODES),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Minutes between runs of the in-server link checker; 0 turns it off. Default: daily, off in test. */
  LINK_CHECK_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(43200).optional(),
  /** ASVS 11.1.2: an anonymous form sent sooner than this after its first answer is asked to confirm again (0 = off). */
  FORM_MIN_SECONDS: z.coerce.number().int().min(0).max(600).optional(),
  /** Hosts the link checker may reach although they resolve to private addresses (comma-separated). */
  LINK_CHECK_ALLOW_HOSTS: z.string().max(2000).optional(),
  /**
   * Minutes between runs of the review reminder job (e-mails owners of overdue texts,
   * docs/decisions/035); 0 turns it off. Default: hourly, off in test.
   */
  REVIEW_REMINDER_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(43200).optional(),
  /** Days after which an owner is reminded again about the same overdue text; 0 = only once per review-by date. */
  REVIEW_REMINDER_REPEAT_DAYS: z.coerce
    .number()
    .int()
    .min(0, "REVIEW_REMINDER_REPEAT_DAYS must be 0 or more")
    .max(365)
    .default(7),
  /**
   * Hand-over of submitted cases (docs/decisions/020, 058): `systems` delivers only to the
   * integration system routed per municipality × area; `folder`/`webhook` add a single fallback
   * target for unrouted cases (demo and test only); `off` stops hand-over.
   */
  CASE_OUTBOX: z.enum(["off", "systems", "folder", "webhook"]).optional(),
  CASE_OUTBOX_DIR: z.string().optional(),
  CASE_OUTBOX_URL: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL")
    .optional(),
  /** Signs webhook bodies (HMAC-SHA256, header X-Portal-Signature). */
  CASE_OUTBOX_SECRET: z.string().min(16, "CASE_OUTBOX_SECRET must be at least 16 characters").optional(),
  CASE_OUTBOX_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(30),
  /** Minutes between runs of the job that lapses unanswered childcare offers; 0 turns it off. */
  OFFER_LAPSE_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  /** Days a property owner has to answer a consent request before it expires (decision 100). */
  OWNER_CONSENT_DAYS: z.coerce.number().int().min(1).max(90).default(14),
  /** Days before that deadline the owner is reminded, once; 0: no reminder. */
  OWNER_CONSENT_REMINDER_DAYS: z.coerce.number().int().min(0).max(60).default(3),
  /** Minutes between runs of the job that reminds owners and expires unanswered requests; 0 turns it off. */
  OWNER_CONSENT_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(60),
  /**
   * 32-byte keys, base64 or hex, comma-separated: the first encrypts, all decrypt (rotation);
   * the last one keys the HMAC look-up index (docs/decisions/008).
   */
  DATA_ENCRYPTION_KEY: z
    .string()
    .refine(
      (v) => v.split(",").every((k) => keyBytes(k.trim()) !== null),
      "DATA_ENCRYPTION_KEY: each key must be 32 bytes, base64 or hex",
    )
    .optional(),
  /**
   * Where the data keys come from (ASVS 6.4.2, docs/decisions/050): `env` = DATA_ENCRYPTION_KEY
   * (default); `vault` = DATA_ENCRYPTION_KEY_WRAPPED unwrapped once at start-up by Vault Transit.
   */
  KEY_PROVIDER: z.enum(["env", "vault"]).optional(),
  VAULT_ADDR: z
    .string()
    .url()
    .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL")
    .optional(),
  VAULT_TOKEN: z.string().min(1).optional(),
  VAULT_TRANSIT_KEY: z
    .string()
    .min(1)
    .max(128)
    .refine((v) => !/[/?#\s]/.test(v), "VAULT_TRANSIT_KEY: a transit key name")
    .optional(),
  /** The ring as Vault transit ciphertexts (`vault:v1:…`), comma-separated; the first encrypts. */
  DATA_ENCRYPTION_KEY_WRAPPED: z.string().max(20_000).optional(),
  /** The resident e-ID provider (OpenID Connect). Unset = the local test provider, when it runs. */
  OIDC_ISSUER: z.string().url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_REDIRECT_URL: z.string().url().optional(),
  OIDC_SCOPE: z.string().default("openid profile https://id.oidc.se/scope/naturalPersonNumber"),
  OIDC_PERSONAL_NUMBER_CLAIM: z.string().default("https://id.oidc.se/claim/personalIdentityNumber"),
  /**
   * Levels of assurance asked for (`acr_values`, space-separated); a login whose `acr` is
   * missing or weaker than the weakest of them is refused (docs/decisions/042).
   */
  OIDC_ACR_VALUES: z
    .string()
    .default(LOA3)
    .refine(
      (v) => acrList(v).length > 0 && acrList(v).every(isAcceptableAcrValue),
      `OIDC_ACR_VALUES: level 3 or higher, e.g. ${LOA3}`,
    ),
  /** The local test identity provider ("Test-legitimation"): on by default in demo/test; refused in production. */
  TEST_IDP: z.enum(["on", "off"]).optional(),
  /** The local staff SSO test provider (decision 064): on by default in demo/test; refused in production. */
  TEST_SSO: z.enum(["on", "off"]).optional(),
  /** The portal's SAML signing key and certificate (JSON file, decision 073); outside production made in DATA_DIR. */
  STAFF_SAML_SP_KEY_FILE: z.string().min(1).optional(),
  /** Staff accounts that sign in by SSO and are not seen for this many days are disabled (0 = never). */
  STAFF_SSO_DISABLE_AFTER_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
  SESSION_IDLE_MINUTES_STAFF: z.coerce.number().int().min(1).default(30),
  /** ASVS 4.0.3 3.3.2 (L2): at most 30 idle minutes for residents too. */
  SESSION_IDLE_MINUTES_RESIDENT: z.coerce.number().int().min(1).default(30),
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).default(12),
  /** Hours a temporary staff password (new account, reset) can be used for its first login (ASVS 2.3.1). */
  TEMP_PASSWORD_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /** Where receipts are sent, e.g. smtp://user:pass@mail.example.se:587 (docs/decisions/016). */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), "SMTP_URL must start with smtp:// or smtps://")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Dalslands e-tjänster <noreply@dalsland.example.se>"),
  /**
   * Days a published text may stay past its review-by date before residents stop seeing it
   * ("outdated information is removed", docs/decisions/012).
   */
  CONTENT_REVIEW_GRACE_DAYS: z.coerce
    .number()
    .int("CONTENT_REVIEW_GRACE_DAYS must be a whole number of days")
    .min(0, "CONTENT_REVIEW_GRACE_DAYS must be 0 or more")
    .max(365, "CONTENT_REVIEW_GRACE_DAYS must be at most 365")
    .default(30),
  /** Requests per minute per client address; 0 turns a limit off (docs/decisions/031). */
  RATE_LIMIT_SUBMISSIONS: z.coerce.number().int().min(0).default(120),
  RATE_LIMIT_SUBMISSIONS_BURST: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_API: z.coerce.number().int().min(0).default(600),
  RATE_LIMIT_API_BURST: z.coerce.number().int().min(1).default(120),
  /**
   * GET requests that cost real work (CSV export, PDFs, search) per minute per client address,
   * and the large request bodies (over 1 MB, i.e. uploads) the portal holds in memory at once;
   * 0 turns either off (docs/decisions/040).
   */
  RATE_LIMIT_EXPENSIVE_GET: z.coerce.number().int().min(0).default(60),
  RATE_LIMIT_EXPENSIVE_GET_BURST: z.coerce.number().int().min(1).default(30),
  MAX_CONCURRENT_LARGE_BODIES: z.coerce.number().int().min(0).default(8),
  /**
   * Failed staff logins (password or code) allowed from one client address before further
   * attempts from it get 429, and the minutes in which that allowance refills; 0 = off.
   * Works next to the per-account lock-out (docs/decisions/038).
   */
  LOGIN_FAILURES_PER_ADDRESS: z.coerce.number().int().min(0).max(10_000).default(20),
  LOGIN_FAILURES_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /**
   * Upload quotas (docs/decisions/043): files and megabytes one draft may hold before it is
   * sent, and what one owner (browser or person) may upload in 24 hours.
   */
  UPLOAD_MAX_FILES_PER_DRAFT: z.coerce.number().int().min(1).max(1000).default(20),
  UPLOAD_MAX_MB_PER_DRAFT: z.coerce.number().int().min(1).max(10_000).default(60),
  UPLOAD_MAX_FILES_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(100),
  UPLOAD_MAX_MB_PER_DAY: z.coerce.number().int().min(1).max(100_000).default(300),
  /** Minutes between runs of the clean-up job (expired drafts, orphan uploads, ended sessions, old notifications, acknowledged exports); 0 = off. Default: hourly, off in test. */
  CLEANUP_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(43200).optional(),
  RETENTION_INTERVAL_HOURS: z.coerce.number().int().min(0).max(8760).optional(),
  /** Days a read notification is kept; unread ones are kept twice as long. */
  NOTIFICATION_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
  /** Where retention writes its archive packages (docs/decisions/059); default DATA_DIR/archive. */
  ARCHIVE_DIR: z.string().min(1).optional(),
  /** Months the audit log is kept; older rows are exported to ARCHIVE_DIR/audit, then thinned (decision 059). */
  AUDIT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(1200).default(36),
  /** Days a folder export (CASE_OUTBOX=folder) stays when the case system never acknowledges it. */
  CASE_OUTBOX_FOLDER_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  /** The anonymous page cache (docs/decisions/030): "on" or "off", and its time-to-live. */
  PAGE_CACHE: z.enum(["on", "off"]).default("on"),
  PAGE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  /** Bearer token that lets a remote Prometheus read /metrics; without it only loopback may (decision 048). */
  METRICS_TOKEN: z.string().min(32, "METRICS_TOKEN must be at least 32 characters").optional(),
  /** Security-event alert thresholds per window, e.g. "lockout=5,rate_limited=200" (decision 048). */
  ALERT_THRESHOLDS: z
    .string()
    .max(500)
    .default("lockout=5,login_refused=50,rate_limited=200,csrf_refused=20,scope_refused=10,upload_infected=1"),
  ALERT_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** Who is mailed when a threshold is passed; unset = the alert is only logged. */
  ALERT_EMAIL: z.string().email("ALERT_EMAIL must be an e-mail address").optional(),
  /** Malware scanning of uploads with clamd (decision 048): a Unix socket path or host:port. */
  CLAMD_SOCKET: z.string().min(1).optional(),
  CLAMD_HOST: z
    .string()
    .refine((v) => /^[A-Za-z0-9.-]{1,253}:\d{1,5}$/.test(v), "CLAMD_HOST must be host:port")
    .optional(),
  /** "off" turns scanning off explicitly; production refuses to start with neither clamd nor "off". */
  UPLOAD_SCAN: z.enum(["on", "off"]).optional(),
  /**
   * Which adapter answers for each authority's register (decision 066): `demo` reads the example
   * people, properties and companies (demo and test only); production must name the real client.
   */
  POPULATION_REGISTER: z.enum(["demo", "navet"]).optional(),
  /** Skatteverket Navet's service address for this deployment (required with POPULATION_REGISTER=navet). */
  NAVET_URL: z.string().url().optional(),
  /** The municipality's organisationsnummer and Navet order id (Bestallning: OrgNr, BestallningsId; decision 067). */
  NAVET_ORG_NR: z
    .string()
    .refine((v) => /^\d{10}$/.test(v), "NAVET_ORG_NR must be 10 digits")
    .optional(),
  NAVET_ORDER_ID: z.string().min(1).max(40).optional(),
  /** PEM files for Navet's mutual TLS: the client certificate and key Skatteverket issued, and the CA to trust. */
  NAVET_CLIENT_CERT_FILE: z.string().min(1).optional(),
  NAVET_CLIENT_KEY_FILE: z.string().min(1).optional(),
  NAVET_CA_FILE: z.string().min(1).optional(),
  PROPERTY_REGISTER: z.enum(["demo", "lantmateriet"]).optional(),
  /** Lantmäteriet's API base and OAuth2 token endpoint (required with PROPERTY_REGISTER=lantmateriet). */
  LANTMATERIET_URL: z.string().url().optional(),
  LANTMATERIET_TOKEN_URL: z.string().url().optional(),
  LANTMATERIET_CLIENT_ID: z.string().min(1).optional(),
  LANTMATERIET_CLIENT_SECRET: z.string().min(1).optional(),
  COMPANY_REGISTER: z.enum(["demo", "bolagsverket"]).optional(),
  /** Bolagsverket's API base and OAuth2 token endpoint (required with COMPANY_REGISTER=bolagsverket). */
  BOLAGSVERKET_URL: z.string().url().optional(),
  BOLAGSVERKET_TOKEN_URL: z.string().url().optional(),
  BOLAGSVERKET_CLIENT_ID: z.string().min(1).optional(),
  BOLAGSVERKET_CLIENT_SECRET: z.string().min(1).optional(),
  /**
   * SMS notifications (decision 079): `46elks` posts to an HTTP gateway speaking 46elks' API
   * (form-encoded from/to/message, basic auth); `off` sends none. Outside production, unset
   * means the local stand-in that scripts/serve.mjs starts (tests/stand-ins/elks46.mjs).
   */
  SMS_GATEWAY: z.enum(["off", "46elks"]).optional(),
  SMS_GATEWAY_URL: z.string().url().default("https://api.46elks.com/a1/sms"),
  SMS_GATEWAY_USER: z.string().min(1).optional(),
  SMS_GATEWAY_PASSWORD: z.string().min(1).optional(),
  /** The sender residents see: a text sender id of at most 11 letters and digits. */
  SMS_FROM: z
    .string()
    .refine((v) => /^[A-Za-z0-9]{1,11}$/.test(v), "SMS_FROM must be 1 to 11 letters or digits")
    .default("Dalsland"),
  /** Seconds between runs of the notification-delivery job (0 = only when a notification asks). */
  NOTIFICATION_DELIVERY_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86400).default(60),
  /** Online payment of fees (decision 080): `swish` (the Swish Commerce API at SWISH_URL) or `off` (invoice only). */
  PAYMENTS: z.enum(["off", "swish"]).default("off"),
  /** Swish Commerce API base, e.g. https://cpc.getswish.net/swish-cpcapi (required with PAYMENTS=swish). */
  SWISH_URL: z.string().url().optional(),
  /** Swish's QR code generator for m-commerce tokens (decision 094); tests point it at the simulator. */
  SWISH_QR_URL: z.string().url().default("https://mpc.getswish.net/qrg-swish"),
  /** The merchant number used for a municipality that has none of its own in /admin/betalningar. */
  SWISH_PAYEE_ALIAS: z
    .string()
    .refine((v) => /^123\d{7}$/.test(v), "SWISH_PAYEE_ALIAS must be a Swish merchant number (123 and 7 digits)")
    .optional(),
  /** PEM files of the default merchant certificate and key (mutual TLS) and the CA to trust. */
  SWISH_CLIENT_CERT_FILE: z.string().min(1).optional(),
  SWISH_CLIENT_KEY_FILE: z.string().min(1).optional(),
  SWISH_CA_FILE: z.string().min(1).optional(),
  /** A payment request with no final answer after this many seconds is given up (Swish's own limit is 180). */
  SWISH_TIMEOUT_SECONDS: z.coerce.number().int().min(10).max(3600).default(300),
  /** Seconds between runs of the job that asks Swish about unsettled payments (the callback's fallback); 0 = off. */
  PAYMENT_POLL_INTERVAL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(30),
});

/** Each register's adapter and the settings its real client must have (decision 066). */
const REGISTER_SETTINGS = [
  { choice: "POPULATION_REGISTER", real: "navet", needs: ["NAVET_URL", "NAVET_ORG_NR", "NAVET_ORDER_ID"] },
  {
    choice: "PROPERTY_REGISTER",
    real: "lantmateriet",
    needs: ["LANTMATERIET_URL", "LANTMATERIET_TOKEN_URL", "LANTMATERIET_CLIENT_ID", "LANTMATERIET_CLIENT_SECRET"],
  },
  {
    choice: "COMPANY_REGISTER",
    real: "bolagsverket",
    needs: ["BOLAGSVERKET_URL", "BOLAGSVERKET_TOKEN_URL", "BOLAGSVERKET_CLIENT_ID", "BOLAGSVERKET_CLIENT_SECRET"],
  },
] as const;

/** A 32-byte key from base64/base64url (43–44 chars) or hex (64 chars); null otherwise. */
export function keyBytes(value: string): Buffer | null {
  const buf = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  return buf.length === 32 ? buf : null;
}

export type Env = z.infer<typeof EnvSchema> & {
  KEY_PROVIDER: "env" | "vault";
  LINK_CHECK_INTERVAL_MINUTES: number;
  FORM_MIN_SECONDS: number;
  REVIEW_REMINDER_INTERVAL_MINUTES: number;
  CLEANUP_INTERVAL_MINUTES: number;
  RETENTION_INTERVAL_HOURS: number;
  CASE_OUTBOX: "off" | "systems" | "folder" | "webhook";
  CASE_OUTBOX_DIR: string;
  SMS_GATEWAY: "off" | "46elks";
  ARCHIVE_DIR: string;
  DATA_DIR: string;
  DATABASE_PATH: string;
  SESSION_SECRET: string;
  PUBLIC_URL: string;
  /** Empty with KEY_PROVIDER=vault: the ring is then in app/platform/key-ring.server.ts only. */
  DATA_ENCRYPTION_KEY: string;
  /** Vault Transit settings with KEY_PROVIDER=vault, else null. */
  vault: { addr: string; token: string; transitKey: string; wrapped: string } | null;
  TEST_IDP: "on" | "off";
  POPULATION_REGISTER: "demo" | "navet";
  PROPERTY_REGISTER: "demo" | "lantmateriet";
  COMPANY_REGISTER: "demo" | "bolagsverket";
  TEST_SSO: "on" | "off";
  /** Effective resident OIDC settings (the test provider's when OIDC_ISSUER is unset). */
  oidc: { issuer: string; clientId: string; clientSecret: string; redirectUrl: string } | null;
  /** The local mail catcher's address in development and tests (scripts/serve.mjs). */
  SMTP_URL: string | undefined;
};

/** The test provider's fixed client (only ever registered with the local test provider). */
export const TEST_IDP_CLIENT = { clientId: "dalsland-portal-test", clientSecret: "test-idp-secret-not-for-production" };
export const TEST_IDP_PATH = "/test-idp";
/** The staff SSO test provider's fixed client and mount path (decision 064). */
export const TEST_SSO_CLIENT = {
  clientId: "dalsland-portal-staff-test",
  clientSecret: "test-sso-secret-not-for-production",
};
export const TEST_SSO_PATH = "/test-sso";

/**
 * A demo/test secret kept in DATA_DIR, made on first use. Processes sharing DATA_DIR (two started
 * at once, decision 053) all use the first one's: a second writer used to replace the file while the
 * first kept its own value in memory, and what the first encrypted was then unreadable after a
 * restart (decision 174).
 */
function secretFromDataDir(dataDir: string, name: string, bytes: number): string {
  const file = join(dataDir, `.${name}`);
  if (!existsSync(file)) writeOnce(file, randomBytes(bytes).toString("base64url"));
  return readFileSync(file, "utf8").trim();
}

let cached: Env | undefined;

/**
 * Every reason a production configuration is unsafe, as "VARIABLE: what is wrong" lines
 * (all of them at once, so the operator fixes the deployment in one go). Empty = safe to start.
 * Only the environment; the database's demo accounts are checked by assertProductionDatabase.
 */
export function productionProblems(raw: z.infer<typeof EnvSchema>): string[] {
  const problems: string[] = [];
  const https = (url: string | undefined) => url !== undefined && url.startsWith("https://");
  if (!raw.SESSION_SECRET) problems.push("SESSION_SECRET: required when PORTAL_ENV=production");
  // Where the keys live is the operator's stated choice in production (ASVS 6.4.2, decision 050).
  if (!raw.KEY_PROVIDER)
    problems.push(
      "KEY_PROVIDER: must be set when PORTAL_ENV=production: vault (the master key stays in Vault Transit) or env (keys in this process's environment or systemd credentials, accepted knowingly)",
    );
  if (raw.KEY_PROVIDER === "vault") {
    if (raw.VAULT_ADDR && !https(raw.VAULT_ADDR))
      problems.push(
        "VAULT_ADDR: must start with https:// when PORTAL_ENV=production (the Vault token and the data keys cross it)",
      );
  } else if (!raw.DATA_ENCRYPTION_KEY)
    problems.push("DATA_ENCRYPTION_KEY: required when PORTAL_ENV=production (or KEY_PROVIDER=vault)");
  if (!raw.SMTP_URL) problems.push("SMTP_URL: required when PORTAL_ENV=production");
  if (!raw.PUBLIC_URL)
    problems.push("PUBLIC_URL: required when PORTAL_ENV=production (the https address residents use)");
  else if (!https(raw.PUBLIC_URL)) problems.push("PUBLIC_URL: must start with https:// when PORTAL_ENV=production");
  if (raw.TEST_IDP === "on")
    problems.push("TEST_IDP: must not be on when PORTAL_ENV=production (anyone could log in as any resident)");
  if (raw.TEST_SSO === "on")
    problems.push(
      "TEST_SSO: must not be on when PORTAL_ENV=production (anyone could sign in as any staff member with any directory group)",
    );
  if (!raw.OIDC_ISSUER || !raw.OIDC_CLIENT_ID || !raw.OIDC_CLIENT_SECRET) {
    problems.push(
      "OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: required when PORTAL_ENV=production (the resident e-ID provider)",
    );
  } else if (!https(raw.OIDC_ISSUER)) problems.push("OIDC_ISSUER: must start with https:// when PORTAL_ENV=production");
  if (raw.OIDC_REDIRECT_URL && !https(raw.OIDC_REDIRECT_URL))
    problems.push("OIDC_REDIRECT_URL: must start with https:// when PORTAL_ENV=production");
  if (!raw.CASE_OUTBOX)
    problems.push("CASE_OUTBOX: must be set when PORTAL_ENV=production: systems or off (no default target)");
  // One target for every municipality and area is a demo convenience: in production each case
  // goes to its municipality's own system, set in /admin/integrationer (docs/decisions/058).
  if (raw.CASE_OUTBOX === "folder" || raw.CASE_OUTBOX === "webhook")
    problems.push(
      `CASE_OUTBOX: ${raw.CASE_OUTBOX} is a demo/test fallback; use systems when PORTAL_ENV=production and set each municipality's integration systems in /admin/integrationer`,
    );
  // Mail and the virus scanner are reached over TLS or not over the network at all (ASVS 9.2.2).
  const smtpQuery = raw.SMTP_URL?.includes("?") ? raw.SMTP_URL.slice(raw.SMTP_URL.indexOf("?")).toLowerCase() : "";
  if (
    ["ignoretls", "requiretls=false", "rejectunauthorized", "secure=false"].some((weak) => smtpQuery.includes(weak))
  ) {
    problems.push(
      "SMTP_URL: must not weaken TLS (ignoreTLS, requireTLS=false, secure=false, rejectUnauthorized) when PORTAL_ENV=production",
    );
  }
  const clamdHost = raw.CLAMD_HOST?.slice(0, raw.CLAMD_HOST.lastIndexOf(":"));
  if (clamdHost !== undefined && !["127.0.0.1", "localhost", "::1", "[::1]"].includes(clamdHost)) {
    problems.push(
      "CLAMD_HOST: clamd's protocol has no TLS: use CLAMD_SOCKET or a loopback CLAMD_HOST when PORTAL_ENV=production",
    );
  }
  for (const { choice, real, needs } of REGISTER_SETTINGS) {
    const missing = raw[choice] === real ? needs.filter((name) => !raw[name]) : [];
    if (missing.length > 0) problems.push(`${missing.join(", ")}: required with ${choice}=${real}`);
    if (!raw[choice])
      problems.push(
        `${choice}: must be set when PORTAL_ENV=production: ${real} (the demo adapter holds only example data)`,
      );
    else if (raw[choice] === "demo")
      problems.push(
        `${choice}: demo answers with example people, properties and companies; use ${real} when PORTAL_ENV=production`,
      );
  }
  // Skatteverket answers municipalities only over mutual TLS (decision 067).
  if (raw.POPULATION_REGISTER === "navet" && (!raw.NAVET_CLIENT_CERT_FILE || !raw.NAVET_CLIENT_KEY_FILE))
    problems.push(
      "NAVET_CLIENT_CERT_FILE, NAVET_CLIENT_KEY_FILE: required with POPULATION_REGISTER=navet when PORTAL_ENV=production",
    );
  if (raw.PAYMENTS === "swish" && !raw.SWISH_URL) problems.push("SWISH_URL: required with PAYMENTS=swish");
  for (const name of [
    "SWISH_URL",
    "SWISH_QR_URL",
    "NAVET_URL",
    "LANTMATERIET_URL",
    "LANTMATERIET_TOKEN_URL",
    "BOLAGSVERKET_URL",
    "BOLAGSVERKET_TOKEN_URL",
  ] as const) {
    const value = raw[name];
    if (value && !https(value)) problems.push(`${name}: must start with https:// when PORTAL_ENV=production`);
  }
  if (!raw.SMS_GATEWAY)
    problems.push("SMS_GATEWAY: must be set when PORTAL_ENV=production: 46elks (with its user and password) or off");
  else if (raw.SMS_GATEWAY === "46elks" && !https(raw.SMS_GATEWAY_URL))
    problems.push("SMS_GATEWAY_URL: must start with https:// when PORTAL_ENV=production");
  if (!raw.CLAMD_SOCKET && !raw.CLAMD_HOST && raw.UPLOAD_SCAN !== "off") {
    problems.push(
      "CLAMD_SOCKET or CLAMD_HOST: required when PORTAL_ENV=production, or set UPLOAD_SCAN=off explicitly (uploads are scanned for malware; decision 048)",
    );
  }
  return problems;
}

/** Secrets that may come as systemd credentials instead of environment variables. */
export const CREDENTIAL_NAMES = [
  "DATA_ENCRYPTION_KEY",
  "SESSION_SECRET",
  "OIDC_CLIENT_SECRET",
  "CASE_OUTBOX_SECRET",
  "SMTP_URL",
  "METRICS_TOKEN",
  "LANTMATERIET_CLIENT_SECRET",
  "BOLAGSVERKET_CLIENT_SECRET",
  "VAULT_TOKEN",
  "SMS_GATEWAY_PASSWORD",
] as const;

/**
 * systemd's `LoadCredentialEncrypted=` (docs/ops/dalsland-portal.service, decision 048) decrypts
 * each secret with the host's TPM/credential key into a private, unswappable directory only this
 * service can read, and names it in $CREDENTIALS_DIRECTORY. A file there wins over a variable of
 * the same name: the key then never sits in the environment (visible in /proc to the same user)
 * or in an EnvironmentFile on disk.
 */
export function withCredentials(source: Record<string, string | undefined>): Record<string, string | undefined> {
  const dir = source.CREDENTIALS_DIRECTORY;
  if (!dir) return source;
  const out = { ...source };
  for (const name of CREDENTIAL_NAMES) {
    const file = join(dir, name);
    if (existsSync(file)) out[name] = readFileSync(file, "utf8").trim();
  }
  return out;
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const modeProblem = portalModeProblem(source.PORTAL_ENV);
  if (modeProblem) throw new Error(`Invalid environment:\n  ${modeProblem}`);
  const parsed = EnvSchema.safeParse(withCredentials(source));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  const raw = parsed.data;
  const production = raw.PORTAL_ENV === "production";
  if (production) {
    const problems = productionProblems(raw);
    if (problems.length > 0) {
      throw new Error(
        `Invalid environment: refusing to start with PORTAL_ENV=production\n${problems.map((p) => `  ${p}`).join("\n")}`,
      );
    }
  }
  const dataDir = resolve(raw.DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const outbox = raw.CASE_OUTBOX ?? (raw.PORTAL_ENV === "test" ? "off" : "folder");
  if (outbox === "webhook" && !raw.CASE_OUTBOX_URL) {
    throw new Error("Invalid environment:\n  CASE_OUTBOX_URL: required when CASE_OUTBOX=webhook");
  }
  if (raw.SMS_GATEWAY === "46elks" && (!raw.SMS_GATEWAY_USER || !raw.SMS_GATEWAY_PASSWORD)) {
    throw new Error(
      "Invalid environment:\n  SMS_GATEWAY_USER and SMS_GATEWAY_PASSWORD: required with SMS_GATEWAY=46elks",
    );
  }
  if (raw.OIDC_ISSUER && (!raw.OIDC_CLIENT_ID || !raw.OIDC_CLIENT_SECRET)) {
    throw new Error("Invalid environment:\n  OIDC_CLIENT_ID and OIDC_CLIENT_SECRET: required with OIDC_ISSUER");
  }
  for (const { choice, real, needs } of REGISTER_SETTINGS) {
    if (raw[choice] !== real) continue;
    const missing = needs.filter((name) => !raw[name]);
    if (missing.length > 0)
      throw new Error(`Invalid environment:\n  ${missing.join(", ")}: required with ${choice}=${real}`);
  }
  if (raw.KEY_PROVIDER === "vault") {
    const missing = (["VAULT_ADDR", "VAULT_TOKEN", "VAULT_TRANSIT_KEY", "DATA_ENCRYPTION_KEY_WRAPPED"] as const).filter(
      (name) => !raw[name],
    );
    if (missing.length > 0)
      throw new Error(`Invalid environment:\n  ${missing.join(", ")}: required with KEY_PROVIDER=vault`);
    if (raw.DATA_ENCRYPTION_KEY)
      throw new Error(
        "Invalid environment:\n  DATA_ENCRYPTION_KEY: must not be set with KEY_PROVIDER=vault (the keys come wrapped in DATA_ENCRYPTION_KEY_WRAPPED)",
      );
  }
  const vault =
    raw.KEY_PROVIDER === "vault"
      ? {
          addr: raw.VAULT_ADDR!,
          token: raw.VAULT_TOKEN!,
          transitKey: raw.VAULT_TRANSIT_KEY!,
          wrapped: raw.DATA_ENCRYPTION_KEY_WRAPPED!,
        }
      : null;
  const publicUrl = (raw.PUBLIC_URL ?? `http://localhost:${raw.PORT}`).replace(/\/$/, "");
  const testIdp = raw.TEST_IDP ?? (production ? "off" : "on");
  const redirectUrl = raw.OIDC_REDIRECT_URL ?? `${publicUrl}/logga-in/callback`;
  const oidc = raw.OIDC_ISSUER
    ? { issuer: raw.OIDC_ISSUER, clientId: raw.OIDC_CLIENT_ID!, clientSecret: raw.OIDC_CLIENT_SECRET!, redirectUrl }
    : testIdp === "on"
      ? { issuer: `${publicUrl}${TEST_IDP_PATH}`, ...TEST_IDP_CLIENT, redirectUrl }
      : null;
  return {
    ...raw,
    CASE_OUTBOX: outbox,
    SMS_GATEWAY: raw.SMS_GATEWAY ?? "off",
    CASE_OUTBOX_DIR: resolve(raw.CASE_OUTBOX_DIR ?? join(dataDir, "outbox")),
    ARCHIVE_DIR: resolve(raw.ARCHIVE_DIR ?? join(dataDir, "archive")),
    DATA_DIR: dataDir,
    DATABASE_PATH: resolve(raw.DATABASE_PATH ?? join(dataDir, "portal.db")),
    SESSION_SECRET: raw.SESSION_SECRET ?? secretFromDataDir(dataDir, "session-secret", 48),
    LINK_CHECK_INTERVAL_MINUTES: raw.LINK_CHECK_INTERVAL_MINUTES ?? (raw.PORTAL_ENV === "test" ? 0 : 1440),
    FORM_MIN_SECONDS: raw.FORM_MIN_SECONDS ?? (raw.PORTAL_ENV === "test" ? 0 : 3),
    REVIEW_REMINDER_INTERVAL_MINUTES: raw.REVIEW_REMINDER_INTERVAL_MINUTES ?? (raw.PORTAL_ENV === "test" ? 0 : 60),
    CLEANUP_INTERVAL_MINUTES: raw.CLEANUP_INTERVAL_MINUTES ?? (raw.PORTAL_ENV === "test" ? 0 : 60),
    RETENTION_INTERVAL_HOURS: raw.RETENTION_INTERVAL_HOURS ?? (raw.PORTAL_ENV === "test" ? 0 : 24),
    PUBLIC_URL: publicUrl,
    KEY_PROVIDER: raw.KEY_PROVIDER ?? "env",
    DATA_ENCRYPTION_KEY: vault
      ? ""
      : (raw.DATA_ENCRYPTION_KEY ?? secretFromDataDir(dataDir, "data-encryption-key", 32)),
    vault,
    TEST_IDP: testIdp,
    POPULATION_REGISTER: raw.POPULATION_REGISTER ?? "demo",
    PROPERTY_REGISTER: raw.PROPERTY_REGISTER ?? "demo",
    COMPANY_REGISTER: raw.COMPANY_REGISTER ?? "demo",
    TEST_SSO: raw.TEST_SSO ?? (production ? "off" : "on"),
    oidc,
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
