/** What the HTTP server (scripts/serve.mjs) hands to every loader and action. */
export interface PortalLoadContext {
  requestId: string;
  cspNonce: string;
  clientIp: string;
}

declare module "@remix-run/node" {
  interface AppLoadContext extends PortalLoadContext {}
}

export function requestIdOf(context: unknown): string {
  const id = (context as Partial<PortalLoadContext> | undefined)?.requestId;
  return typeof id === "string" ? id : "unknown";
}

// Single Fetch is on (remix.config.js); this makes useLoaderData infer the new types.
declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}
