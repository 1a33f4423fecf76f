import type { SessionUser } from "~/auth/session.server";
import { audit } from "~/platform/audit.server";

/**
 * The one place Mina sidor, childcare and school services write to the audit trail, so every
 * change is recorded the same way (identity's audit(); personnummer never in details).
 */
export interface TrailEntry {
  /** The session user behind the change, "system" for lapses done by the clock, null in tests. */
  actor: SessionUser | "system" | null | unknown;
  action: string;
  subjectType: string;
  subjectId?: string | number;
  municipalityId?: number;
  personId?: number;
  details?: Record<string, unknown>;
}

export function trail(entry: TrailEntry) {
  const actor = entry.actor === "system" ? "system" : ((entry.actor ?? null) as SessionUser | null);
  audit({ ...entry, actor });
}
