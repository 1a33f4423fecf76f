import { and, desc, eq, isNull, ne } from "drizzle-orm";
import { session } from "../../db/schema/index";
import { db } from "~/db.server";
import { now } from "~/utils/clock.server";
import { sessionIsLive } from "./session.server";

/**
 * The signed-in person's or staff member's active sessions, to view and end (ASVS 3.3.4,
 * docs/decisions/047). A session is named on the page by a handle (a prefix of its row key,
 * itself a hash of the cookie token), never by anything that would let the page log in.
 */
export type SessionOwner = { personId: number } | { staffUserId: number };

export interface ActiveSession {
  handle: string;
  current: boolean;
  userAgent: string | null;
  ip: string | null;
  createdAt: string;
  lastSeenAt: string;
}

const handleOf = (idHash: string) => idHash.slice(0, 16);

function ownedBy(owner: SessionOwner) {
  return "personId" in owner ? eq(session.personId, owner.personId) : eq(session.staffUserId, owner.staffUserId);
}

function liveRows(owner: SessionOwner) {
  const at = now();
  return db()
    .select()
    .from(session)
    .where(and(ownedBy(owner), isNull(session.revokedAt), eq(session.stage, "active")))
    .orderBy(desc(session.lastSeenAt))
    .all()
    .filter((row) => sessionIsLive(row, at));
}

export function listActiveSessions(owner: SessionOwner, currentSessionId: string): ActiveSession[] {
  return liveRows(owner).map((row) => ({
    handle: handleOf(row.idHash),
    current: row.idHash === currentSessionId,
    userAgent: row.userAgent,
    ip: row.ip,
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
  }));
}

/** Ends one of the owner's other sessions by its handle; false when there is no such session. */
export function endSessionByHandle(owner: SessionOwner, currentSessionId: string, handle: string): boolean {
  const row = liveRows(owner).find((r) => handleOf(r.idHash) === handle && r.idHash !== currentSessionId);
  if (!row) return false;
  db()
    .update(session)
    .set({ revokedAt: now().toISOString() })
    .where(and(eq(session.idHash, row.idHash), isNull(session.revokedAt)))
    .run();
  return true;
}

/** Ends every session of the owner except this one. Returns how many. */
export function endOtherSessions(owner: SessionOwner, currentSessionId: string): number {
  return db()
    .update(session)
    .set({ revokedAt: now().toISOString() })
    .where(and(ownedBy(owner), ne(session.idHash, currentSessionId), isNull(session.revokedAt)))
    .run().changes;
}

/** "Firefox on Windows": enough to recognise a device, from the stored User-Agent. */
export function describeUserAgent(ua: string | null): { browser: string | null; system: string | null } {
  if (!ua) return { browser: null, system: null };
  const browser = ua.includes("Firefox/")
    ? "Firefox"
    : ua.includes("Edg/")
      ? "Edge"
      : ua.includes("Chrome/") || ua.includes("Chromium/")
        ? "Chrome"
        : ua.includes("Safari/")
          ? "Safari"
          : null;
  const system = ua.includes("Android")
    ? "Android"
    : ua.includes("iPhone") || ua.includes("iPad")
      ? "iOS"
      : ua.includes("Windows")
        ? "Windows"
        : ua.includes("Mac OS")
          ? "macOS"
          : ua.includes("Linux")
            ? "Linux"
            : null;
  return { browser, system };
}
