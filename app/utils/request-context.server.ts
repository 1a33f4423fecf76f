import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The request id and client IP of the request being served, without threading them through
 * every service call: scripts/serve.mjs runs each request inside `withRequestContext`, and the
 * audit log reads them here. Outside a request (seed, tests) there is none.
 */
export interface RequestContext {
  requestId: string;
  ip: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

export function withRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
