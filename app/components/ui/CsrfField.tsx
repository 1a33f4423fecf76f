import { useRouteLoaderData } from "@remix-run/react";

/** The hidden CSRF field for every state-changing <Form method="post"> (token from the root loader). */
export function CsrfField() {
  const data = useRouteLoaderData("root") as { csrfToken?: string } | undefined;
  return <input type="hidden" name="_csrf" value={data?.csrfToken ?? ""} />;
}
