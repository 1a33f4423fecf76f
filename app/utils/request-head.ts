/**
 * What most of the portal reads of a request: its URL, method and headers. A Fetch `Request` is
 * one; so is the plain object the server in front of Express makes for a step page or a step post
 * it answers itself (`requestHead`): undici's Request constructor cost about 3 % of the event
 * loop's time in a form walk, for objects of which only these three were read (decision 191).
 * A function that needs more of a request (its body, its signal) takes a `Request`.
 */
export interface RequestHead {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
}

/** A RequestHead for the server in front of Express: `url` absolute, as a Request's is. */
export function requestHead(url: string, method: string, headers: Headers): RequestHead {
  return { url, method, headers };
}
