import { useRouteLoaderData } from "@remix-run/react";
import { useCsrfUsage } from "~/utils/csrf-usage";

/** The hidden CSRF field for every state-changing <Form method="post"> (token from the root loader). */
export function CsrfField() {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  // The page now carries this browser's token: its seed cookie is set and the page is never cached.
  useCsrfUsage()();
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}
