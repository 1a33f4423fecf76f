import { getSessionUser, type SessionUser } from "~/auth/session.server";

/** The logged-in resident filling in a form, or null (anonymous simple reports). */
export interface FormUser {
  personId: number;
  name: string;
  session: SessionUser;
}

export async function getFormUser(request: Request): Promise<FormUser | null> {
  const user = await getSessionUser(request);
  if (user?.kind !== "resident" || !user.personId) return null;
  return { personId: user.personId, name: user.name, session: user };
}
