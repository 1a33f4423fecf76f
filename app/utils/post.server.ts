import { requireCsrf } from "~/auth/csrf.server";

/**
 * The one call site every e-service form action goes through before it reads the body's
 * meaning: the CSRF check of the identity layer (the form renders <CsrfField />).
 */
export async function verifyPost(request: Request, formData: FormData): Promise<void> {
  await requireCsrf(request, formData);
}
