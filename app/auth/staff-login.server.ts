import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { redirect } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { audit } from "~/platform/audit.server";
import { getLanguage } from "~/i18n/i18n.server";
import { flashCookieHeader } from "~/utils/flash.server";
import { recordStaffLoginFailure, staffLoginRetryAfter, throttledLoginResponse } from "./login-throttle.server";
import { createSession, getSessionRow, sessionUserOf } from "./session.server";
import { checkTotp, getStaffUserRow, isLocked, minutesLocked } from "./staff.server";
import { verifySecurityKeyLogin } from "./webauthn.server";

/** Field errors as the login form's ErrorSummary takes them (a plain record, so auth imports no component). */
export type SecondFactorFailure = { errors: Partial<Record<string, string>>; minutes?: number; throttled?: boolean };

/** The half-finished staff login (password accepted) of this browser, or back to step 1. */
export async function pendingLogin(request: RequestHead, stage: "second-factor" | "enrol") {
  const row = await getSessionRow(request);
  if (!row || row.kind !== "staff" || row.stage !== stage || !row.staffUserId) throw redirect("/personal/logga-in");
  return row;
}

/** Checks the code; on success starts the real session (fresh id) and audits the login. */
export async function finishSecondFactor(
  request: RequestHead,
  staffUserId: number,
  code: string,
  redirectTo: string,
  action: "login" | "enrol",
) {
  const staff = getStaffUserRow(staffUserId)!;
  if (!code.trim())
    return Response.json({ errors: { code: "totp.errors.required" } } satisfies SecondFactorFailure, { status: 400 });
  const wait = staffLoginRetryAfter();
  if (wait > 0)
    return throttledLoginResponse({ errors: { code: "totp.errors.throttled" } } satisfies SecondFactorFailure, wait);
  // The language of the login page is remembered: e-mails to staff (review reminders) use it.
  const result = checkTotp(staffUserId, code, getLanguage(request));
  if (!result.ok) {
    recordStaffLoginFailure();
    audit({
      actor: null,
      actorHint: { type: "staff", id: staff.id, name: staff.name },
      action: "login.failed",
      subjectType: "staff_user",
      subjectId: staff.id,
      municipalityId: staff.municipalityId ?? undefined,
      details: { factor: "totp", reason: result.reason },
    });
    if (result.reason === "locked")
      return Response.json(
        { errors: { code: "totp.errors.locked" }, minutes: result.minutes } satisfies SecondFactorFailure,
        { status: 400 },
      );
    return Response.json({ errors: { code: "totp.errors.invalid" } } satisfies SecondFactorFailure, { status: 400 });
  }
  return startStaffSession(
    request,
    staffUserId,
    redirectTo,
    action === "enrol" ? "totp.enrolled" : null,
    "password+totp",
  );
}

/** The second factor is done: a fresh session id with the user's roles, and the login audited. */
async function startStaffSession(
  request: RequestHead,
  staffUserId: number,
  redirectTo: string,
  extraAudit: "totp.enrolled" | null,
  method: "password+totp" | "password+webauthn",
) {
  const staff = getStaffUserRow(staffUserId)!;
  const session = await createSession(request, { kind: "staff", staffUserId });
  const user = sessionUserOf({
    idHash: session.sessionId,
    kind: "staff",
    staffUserId,
    personId: null,
    actingKind: null,
    actingOrganisationId: null,
  })!;
  if (extraAudit)
    audit({
      actor: user,
      action: extraAudit,
      subjectType: "staff_user",
      subjectId: staffUserId,
      municipalityId: staff.municipalityId ?? undefined,
    });
  audit({
    actor: user,
    action: "login",
    subjectType: "session",
    subjectId: session.sessionId.slice(0, 12),
    municipalityId: staff.municipalityId ?? undefined,
    details: { method },
  });
  const headers = new Headers({ "Set-Cookie": session.setCookie });
  headers.append("Set-Cookie", await flashCookieHeader("flash.loggedIn", { name: staff.name }));
  const target = staff.mustChangePassword
    ? `/personal/byt-losenord?redirectTo=${encodeURIComponent(redirectTo)}`
    : redirectTo;
  return redirect(target, { headers });
}

/**
 * The security-key alternative to the TOTP code (ASVS 2.3.2): the key's answer to this login
 * attempt's challenge. Failures count towards the address throttle and are audited like a wrong
 * code; a cloned key (counter went backwards) is audited as such.
 */
export async function finishSecurityKeyLogin(
  request: RequestHead,
  row: { idHash: string; staffUserId: number },
  credentialJson: string,
  redirectTo: string,
) {
  const staff = getStaffUserRow(row.staffUserId)!;
  const wait = staffLoginRetryAfter();
  if (wait > 0)
    return throttledLoginResponse({ errors: { key: "totp.errors.throttled" } } satisfies SecondFactorFailure, wait);
  if (isLocked(staff))
    return Response.json(
      { errors: { key: "totp.errors.locked" }, minutes: minutesLocked(staff) } satisfies SecondFactorFailure,
      { status: 400 },
    );
  let response: AuthenticationResponseJSON | null = null;
  try {
    const parsed: unknown = JSON.parse(credentialJson);
    if (parsed && typeof parsed === "object" && typeof (parsed as { id?: unknown }).id === "string")
      response = parsed as AuthenticationResponseJSON;
  } catch {
    response = null;
  }
  const result = response
    ? await verifySecurityKeyLogin(row.staffUserId, row.idHash, response, getLanguage(request))
    : ({ ok: false, reason: "invalid" } as const);
  if (!result.ok) {
    recordStaffLoginFailure();
    const who = { type: "staff" as const, id: staff.id, name: staff.name };
    audit({
      actor: null,
      actorHint: who,
      action: "login.failed",
      subjectType: "staff_user",
      subjectId: staff.id,
      municipalityId: staff.municipalityId ?? undefined,
      details: { factor: "webauthn", reason: result.reason },
    });
    if (result.reason === "cloned") {
      audit({
        actor: null,
        actorHint: who,
        action: "securityKey.cloneSuspected",
        subjectType: "staff_user",
        subjectId: staff.id,
        municipalityId: staff.municipalityId ?? undefined,
      });
      return Response.json({ errors: { key: "securityKeys.errors.loginCloned" } } satisfies SecondFactorFailure, {
        status: 400,
      });
    }
    return Response.json({ errors: { key: "securityKeys.errors.loginFailed" } } satisfies SecondFactorFailure, {
      status: 400,
    });
  }
  return startStaffSession(request, row.staffUserId, redirectTo, null, "password+webauthn");
}
