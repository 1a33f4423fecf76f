import { redirect } from "@remix-run/node";
import type { FieldErrors } from "~/components/ui/FormErrors";
import { audit } from "~/services/audit.server";
import { getLanguage } from "~/i18n/i18n.server";
import { flashCookieHeader } from "~/utils/flash.server";
import { recordStaffLoginFailure, staffLoginRetryAfter, throttledLoginResponse } from "./login-throttle.server";
import { createSession, getSessionRow, sessionUserOf } from "./session.server";
import { checkTotp, getStaffUserRow } from "./staff.server";

export type SecondFactorFailure = { errors: FieldErrors; minutes?: number; throttled?: boolean };

/** The half-finished staff login (password accepted) of this browser, or back to step 1. */
export async function pendingLogin(request: Request, stage: "second-factor" | "enrol") {
  const row = await getSessionRow(request);
  if (!row || row.kind !== "staff" || row.stage !== stage || !row.staffUserId) throw redirect("/personal/logga-in");
  return row;
}

/** Checks the code; on success starts the real session (fresh id) and audits the login. */
export async function finishSecondFactor(request: Request, staffUserId: number, code: string, redirectTo: string, action: "login" | "enrol") {
  const staff = getStaffUserRow(staffUserId)!;
  if (!code.trim()) return Response.json({ errors: { code: "totp.errors.required" } } satisfies SecondFactorFailure, { status: 400 });
  const wait = staffLoginRetryAfter();
  if (wait > 0) return throttledLoginResponse({ errors: { code: "totp.errors.throttled" } } satisfies SecondFactorFailure, wait);
  // The language of the login page is remembered: e-mails to staff (review reminders) use it.
  const result = checkTotp(staffUserId, code, getLanguage(request));
  if (!result.ok) {
    recordStaffLoginFailure();
    audit({ actor: null, actorHint: { type: "staff", id: staff.id, name: staff.name }, action: "login.failed", subjectType: "staff_user", subjectId: staff.id, municipalityId: staff.municipalityId ?? undefined, details: { factor: "totp", reason: result.reason } });
    if (result.reason === "locked") return Response.json({ errors: { code: "totp.errors.locked" }, minutes: result.minutes } satisfies SecondFactorFailure, { status: 400 });
    return Response.json({ errors: { code: "totp.errors.invalid" } } satisfies SecondFactorFailure, { status: 400 });
  }
  const session = await createSession(request, { kind: "staff", staffUserId });
  const user = sessionUserOf({ idHash: session.sessionId, kind: "staff", staffUserId, personId: null, actingKind: null, actingOrganisationId: null })!;
  if (action === "enrol") audit({ actor: user, action: "totp.enrolled", subjectType: "staff_user", subjectId: staffUserId, municipalityId: staff.municipalityId ?? undefined });
  audit({ actor: user, action: "login", subjectType: "session", subjectId: session.sessionId.slice(0, 12), municipalityId: staff.municipalityId ?? undefined, details: { method: "password+totp" } });
  const headers = new Headers({ "Set-Cookie": session.setCookie });
  headers.append("Set-Cookie", await flashCookieHeader("flash.loggedIn", { name: staff.name }));
  const target = staff.mustChangePassword ? `/personal/byt-losenord?redirectTo=${encodeURIComponent(redirectTo)}` : redirectTo;
  return redirect(target, { headers });
}

