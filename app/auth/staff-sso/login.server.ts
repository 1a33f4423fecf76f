import { createHash, randomBytes } from "node:crypto";
import { redirect } from "@remix-run/node";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import {
  roleAssignment,
  staffSsoLink,
  staffSsoMapping,
  staffUser,
  type StaffSsoMappingRow,
} from "../../../db/schema/index";
import { db } from "~/db.server";
import { getLanguage } from "~/i18n/i18n.server";
import { securityEvent } from "~/monitoring/security-events.server";
import { audit } from "~/platform/audit.server";
import { now } from "~/utils/clock.server";
import { flashCookieHeader } from "~/utils/flash.server";
import { safeRedirectPath } from "~/utils/safe-redirect";
import { hashPassword } from "../password-hash.server";
import { createSession, sessionUserOf } from "../session.server";
import type { SsoAssertion } from "./assertion";
import { getSsoProvider, type SsoProvider } from "./providers.server";

/**
 * Where every staff SSO login ends, whatever the protocol (issue 21, decision 064): the OIDC
 * callback and the SAML assertion consumer both hand over the provider's id and the checked
 * `SsoAssertion`. This module checks MFA, finds or creates the account linked to
 * (provider, subject), sets its mapped roles to exactly those the asserted groups give (local
 * grants stay), audits, and starts the same kind of staff session as the password + TOTP login.
 */
export type SsoRefusal = "provider" | "mfa" | "disabled" | "noRoles";

export type SsoLoginOutcome = { ok: true; response: Response } | { ok: false; reason: SsoRefusal };

/** True when the provider asserted at least one of its accepted MFA values (acr, amr or AuthnContextClassRef). */
export function assertsMfa(provider: Pick<SsoProvider, "mfaValues">, assertion: Pick<SsoAssertion, "authnContext">) {
  // An empty list accepts nothing: a provider without configured MFA values cannot sign anyone in.
  return assertion.authnContext.some((v) => provider.mfaValues.includes(v));
}

function refuse(
  provider: SsoProvider | undefined,
  providerId: number,
  assertion: SsoAssertion,
  reason: SsoRefusal,
  staff?: { id: number; name: string; municipalityId: number | null },
): SsoLoginOutcome {
  securityEvent("login_refused");
  audit({
    actor: null,
    actorHint: staff ? { type: "staff", id: staff.id, name: staff.name } : { type: "staff" },
    action: "login.refused",
    subjectType: "staff_sso_provider",
    subjectId: providerId,
    municipalityId: staff?.municipalityId ?? provider?.municipalityIds[0],
    details: {
      method: provider ? `sso-${provider.protocol}` : "sso",
      reason,
      // What the provider said about the authentication and the groups, never a token.
      subject: assertion.subject.slice(0, 200),
      authnContext: assertion.authnContext.slice(0, 10),
      groups: assertion.groups.slice(0, 50),
    },
  });
  return { ok: false, reason };
}

function usernameFor(providerId: number, assertion: SsoAssertion): string {
  const email = assertion.email?.trim().toLowerCase();
  if (email && email.length <= 200) {
    const taken = db().select({ id: staffUser.id }).from(staffUser).where(eq(staffUser.username, email)).get();
    if (!taken) return email;
  }
  return `sso-${providerId}-${createHash("sha256").update(assertion.subject).digest("hex").slice(0, 16)}`;
}

export async function completeStaffSsoLogin(input: {
  request: RequestHead;
  providerId: number;
  assertion: SsoAssertion;
  redirectTo: string;
}): Promise<SsoLoginOutcome> {
  const { request, providerId, assertion } = input;
  const provider = getSsoProvider(providerId);
  if (!provider?.enabled || !assertion.subject) return refuse(provider, providerId, assertion, "provider");
  if (!assertsMfa(provider, assertion)) return refuse(provider, providerId, assertion, "mfa");

  const groups = [...new Set(assertion.groups)];
  const mappings: StaffSsoMappingRow[] = groups.length
    ? db()
        .select()
        .from(staffSsoMapping)
        .where(and(eq(staffSsoMapping.providerId, providerId), inArray(staffSsoMapping.groupName, groups)))
        .all()
        // A mapping outside the provider's municipalities (the provider was narrowed later) grants nothing.
        .filter((m) => provider.municipalityIds.includes(m.municipalityId))
    : [];

  const link = db()
    .select()
    .from(staffSsoLink)
    .where(and(eq(staffSsoLink.providerId, providerId), eq(staffSsoLink.subject, assertion.subject)))
    .get();
  let staff = link ? db().select().from(staffUser).where(eq(staffUser.id, link.staffUserId)).get() : undefined;
  if (staff?.disabledAt) return refuse(provider, providerId, assertion, "disabled", staff);
  if (!staff && mappings.length === 0) return refuse(provider, providerId, assertion, "noRoles");

  const at = now().toISOString();
  const name = (assertion.displayName ?? assertion.email ?? assertion.subject).trim().slice(0, 200);
  let created = false;
  if (!staff) {
    // The account cannot sign in with a password: its hash is of random bytes nobody knows.
    const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
    const employer = mappings[0]?.municipalityId ?? provider.municipalityIds[0] ?? null;
    staff = db()
      .insert(staffUser)
      .values({
        username: usernameFor(providerId, assertion),
        name,
        email: assertion.email?.trim().slice(0, 200) ?? "",
        municipalityId: employer,
        passwordHash,
        passwordChangedAt: at,
      })
      .returning()
      .get();
    db().insert(staffSsoLink).values({ providerId, subject: assertion.subject, staffUserId: staff.id }).run();
    created = true;
  }
  const staffId = staff.id;
  const changes = syncMappedRoles(staffId, providerId, mappings);

  const hasRoles = db()
    .select({ id: roleAssignment.id })
    .from(roleAssignment)
    .where(eq(roleAssignment.staffUserId, staffId))
    .get();
  const who = { type: "staff" as const, id: staffId, name };
  if (created)
    audit({
      actor: null,
      actorHint: who,
      action: "sso.account.created",
      subjectType: "staff_user",
      subjectId: staffId,
      municipalityId: staff.municipalityId ?? undefined,
      details: { provider: providerId },
    });
  for (const c of changes)
    audit({
      actor: null,
      actorHint: who,
      action: c.kind === "added" ? "role.granted" : "role.removed",
      subjectType: "staff_user",
      subjectId: staffId,
      municipalityId: c.mapping.municipalityId,
      details: {
        source: "sso",
        provider: providerId,
        group: c.mapping.groupName,
        mapping: c.mapping.id,
        role: c.mapping.role,
        area: c.mapping.area,
        administrationId: c.mapping.administrationId,
      },
    });
  if (!hasRoles) return refuse(provider, providerId, assertion, "noRoles", staff);

  db()
    .update(staffUser)
    .set({
      name,
      ...(assertion.email ? { email: assertion.email.trim().slice(0, 200) } : {}),
      lastLoginAt: at,
      failedAttempts: 0,
      lockedUntil: null,
      language: getLanguage(request),
    })
    .where(eq(staffUser.id, staffId))
    .run();
  db()
    .update(staffSsoLink)
    .set({ lastLoginAt: at })
    .where(and(eq(staffSsoLink.providerId, providerId), eq(staffSsoLink.subject, assertion.subject)))
    .run();

  const session = await createSession(request, {
    kind: "staff",
    staffUserId: staffId,
    sso: { providerId, sessionIndex: assertion.sessionIndex },
  });
  const user = sessionUserOf({
    idHash: session.sessionId,
    kind: "staff",
    staffUserId: staffId,
    personId: null,
    actingKind: null,
    actingOrganisationId: null,
  })!;
  audit({
    actor: user,
    action: "login",
    subjectType: "session",
    subjectId: session.sessionId.slice(0, 12),
    municipalityId: staff.municipalityId ?? undefined,
    details: {
      method: `sso-${provider.protocol}`,
      provider: providerId,
      authnContext: assertion.authnContext.filter((v) => provider.mfaValues.includes(v)),
    },
  });
  const headers = new Headers({ "Set-Cookie": session.setCookie });
  headers.append("Set-Cookie", await flashCookieHeader("flash.loggedIn", { name }));
  return { ok: true, response: redirect(safeRedirectPath(input.redirectTo, "/personal"), { headers }) };
}

type RoleChange = { kind: "added" | "removed"; mapping: StaffSsoMappingRow };

/**
 * The account's roles from this provider's mappings become exactly `mappings`; roles from other
 * providers' mappings and roles an admin granted locally (no mapping) are not touched.
 */
function syncMappedRoles(staffUserId: number, providerId: number, mappings: StaffSsoMappingRow[]): RoleChange[] {
  return db().transaction((tx) => {
    const held = tx
      .select({ id: roleAssignment.id, mapping: staffSsoMapping })
      .from(roleAssignment)
      .innerJoin(staffSsoMapping, eq(staffSsoMapping.id, roleAssignment.ssoMappingId))
      .where(
        and(
          eq(roleAssignment.staffUserId, staffUserId),
          isNotNull(roleAssignment.ssoMappingId),
          eq(staffSsoMapping.providerId, providerId),
        ),
      )
      .all();
    const wanted = new Set(mappings.map((m) => m.id));
    const heldIds = new Set(held.map((h) => h.mapping.id));
    const changes: RoleChange[] = [];
    for (const h of held) {
      if (wanted.has(h.mapping.id)) continue;
      tx.delete(roleAssignment).where(eq(roleAssignment.id, h.id)).run();
      changes.push({ kind: "removed", mapping: h.mapping });
    }
    for (const m of mappings) {
      if (heldIds.has(m.id)) continue;
      tx.insert(roleAssignment)
        .values({
          staffUserId,
          role: m.role,
          municipalityId: m.municipalityId,
          area: m.area,
          administrationId: m.administrationId,
          createdBy: null,
          ssoMappingId: m.id,
        })
        .run();
      changes.push({ kind: "added", mapping: m });
    }
    return changes;
  });
}
