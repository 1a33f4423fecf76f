import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, apiJson, apiLoader } from "~/services/api.server";
import { audit } from "~/platform/audit.server";
import { applyCaseCallback } from "~/services/case-callback.server";
import { parseCaseCallback, requireIntegrationSystem } from "~/services/integration.server";
import { requestIdOf } from "~/load-context";
import { log } from "~/utils/logger.server";

/**
 * POST /api/v1/integration/cases/{reference}: a case-management system reports back on a case
 * the portal handed over (docs/decisions/020, 034; docs/integration/case-export.md).
 * Authenticated by the system's bearer token alone: no cookies are read, so no CSRF token is
 * asked for, and scripts/serve.mjs lets this one path past its cross-origin refusal. Rate
 * limited as the rest of /api/ (app/http/middleware.server.ts).
 */

const ALLOW = { Allow: "POST" };

export const loader = apiLoader(() => {
  throw apiError(405, "method_not_allowed", "Use POST with a JSON body.", ALLOW);
});

export async function action({ request, params, context }: ActionFunctionArgs): Promise<Response> {
  if (request.method !== "POST") return apiError(405, "method_not_allowed", "Use POST with a JSON body.", ALLOW);
  try {
    let system;
    try {
      system = requireIntegrationSystem(request);
    } catch (thrown) {
      // A failed "log-in" of a system is audited like a failed staff log-in (without the token).
      audit({
        actor: null,
        action: "integration.auth-failed",
        subjectType: "case",
        subjectId: String(params.reference ?? "").slice(0, 40),
        details: { header: request.headers.has("Authorization") },
      });
      throw thrown;
    }
    const body = await parseCaseCallback(request);
    const result = await applyCaseCallback({ system, reference: String(params.reference ?? ""), body });
    if (!result.ok) {
      return apiJson(
        { error: result.error, message: result.message, status: result.status, ...(result.details ?? {}) },
        { status: result.status, cache: "no-store" },
      );
    }
    const { ok: _ok, ...data } = result;
    return apiJson({ data }, { cache: "no-store" });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    log("error", "integration callback failed", {
      requestId: requestIdOf(context),
      error: thrown instanceof Error ? thrown.message : String(thrown),
    });
    return apiError(500, "server_error", `Something went wrong (request ${requestIdOf(context)}).`);
  }
}
