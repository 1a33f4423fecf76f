/**
 * Who is logged in, for the e-service forms. A stand-in until the identity branch lands
 * (app/auth/guards.server.ts): nobody is ever logged in here, so forms that require login
 * say so. At merge this calls the identity session; forms with `requiresLogin` then use
 * `requireResident(request)`. Never fakes a login.
 */
export interface FormUser {
  personId: number;
  name: string;
}

export async function getFormUser(_request: Request): Promise<FormUser | null> {
  return null;
}
