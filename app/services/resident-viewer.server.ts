import { eq } from "drizzle-orm";
import type { RequestHead } from "~/utils/request-head";
import { person } from "../../db/schema/index";
import { requireResident, type ResidentUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import type { ResidentViewer } from "./case-access.server";

/**
 * The guard for every Mina sidor route: a logged-in resident, and the viewer that scopes every
 * service call (person id, register HMAC, and the organisation when acting for one).
 */
export async function requireResidentViewer(
  request: RequestHead,
): Promise<{ user: ResidentUser; viewer: ResidentViewer }> {
  const user = await requireResident(request);
  const viewer = residentViewerOf(user);
  if (!viewer) throw new Response("Forbidden", { status: 403 });
  return { user, viewer };
}

/** The viewer of a logged-in resident (undefined when the person row is gone). */
export function residentViewerOf(user: ResidentUser): ResidentViewer | undefined {
  const row = db().select({ hmac: person.personnummerHmac }).from(person).where(eq(person.id, user.personId)).get();
  if (!row) return undefined;
  const organisationId = user.acting?.kind === "organisation" ? user.acting.organisationId : null;
  return { personId: user.personId, personnummerHmac: row.hmac, organisationId };
}
