import { eq } from "drizzle-orm";
import { staffUser } from "../../db/schema/index";
import { csrfToken } from "~/auth/csrf.server";
import { createSession } from "~/auth/session.server";
import { db } from "~/db.server";
import { action as caseAction } from "~/routes/handlaggare.arenden.$reference";

/** The id of the seeded staff member with this user name. */
export const staffId = (username: string) =>
  db().select().from(staffUser).where(eq(staffUser.username, username)).get()!.id;

/**
 * An officer's plain post to a case (`/handlaggare/arenden/<reference>`), as a browser without
 * JavaScript sends it: a new staff session, the CSRF cookie `seed` and its token. Gives the answer's
 * status; a thrown Response counts.
 */
export async function postToCase(
  seed: string,
  username: string,
  reference: string,
  fields: Record<string, string>,
): Promise<number> {
  const { setCookie } = await createSession(new Request("http://localhost/"), {
    kind: "staff",
    staffUserId: staffId(username),
  });
  const cookie = `csrf=${seed}; ${setCookie.split(";")[0]!}`;
  const token = await csrfToken(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  const request = new Request(`http://localhost/handlaggare/arenden/${reference}`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ _csrf: token, ...fields }),
  });
  try {
    const r: unknown = await caseAction({ request, params: { reference }, context: {} as never });
    return r instanceof Response ? r.status : ((r as { init?: { status?: number } }).init?.status ?? 200);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown.status;
    throw thrown;
  }
}
