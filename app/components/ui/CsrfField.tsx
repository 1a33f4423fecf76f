import { useRouteLoaderData } from "@remix-run/react";
import { useCsrfUsage } from "~/utils/csrf-usage";

/**
 * The browser's CSRF token from the root loader, for a form that is not inside the Remix tree in
 * the browser (the form island, decision 108). The page now carries the token: its seed cookie is
 * set and the page is never cached.
 */
export function useCsrfToken(): string {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  useCsrfUsage()();
  return data?.csrfToken ?? "";
}

/** The hidden CSRF field for every state-changing <Form method="post"> (token from the root loader). */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useCsrfToken()} />;
}
