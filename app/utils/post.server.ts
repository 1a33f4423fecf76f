import { log } from "~/utils/logger.server";

/**
 * The one call site every form action goes through before it reads the body's meaning.
 * Until the identity branch lands its CSRF token (app/auth/csrf.server.ts), this refuses
 * cross-site posts by their Origin header; at merge the body becomes
 * `await requireCsrf(request, formData)`.
 */
export async function verifyPost(request: Request, _formData: FormData): Promise<void> {
  const origin = request.headers.get("Origin");
  if (!origin || origin === "null") return;
  const url = new URL(request.url);
  const host = request.headers.get("Host") ?? url.host;
  if (new URL(origin).host !== host) {
    throw new Response("Cross-site form post refused", { status: 403 });
  }
}

export interface AuditInput {
  action: string;
  subject?: string;
  actor?: string;
  details?: Record<string, unknown>;
}

/**
 * Every data change is audited through here. Until app/services/audit.server.ts lands from
 * the identity branch this writes a structured log line; at merge it calls `audit({...})`.
 */
export function auditChange(request: Request | undefined, input: AuditInput): void {
  log("info", "audit", { ...input, path: request ? new URL(request.url).pathname : undefined });
}
