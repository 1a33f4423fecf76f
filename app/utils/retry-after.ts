import type { HeadersFunction } from "@remix-run/node";

/**
 * A route's `headers` export that passes the action's Retry-After on to the document (a 429
 * from login throttling): Remix builds a page's headers only from this function.
 */
export const retryAfterHeaders: HeadersFunction = ({ actionHeaders }) => {
  const retry = actionHeaders.get("Retry-After");
  return retry ? { "Retry-After": retry } : new Headers();
};
