import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { requestIdOf } from "~/load-context";
import { log } from "~/utils/logger.server";

/**
 * The frame of every /api/v1 endpoint (docs/decisions/018): rate limit per client IP, CORS
 * for GET, Cache-Control, JSON errors with a stable `error` code, pagination with links.
 * Bad input is always a 4xx JSON answer, never a 500.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
/** The highest page number accepted: larger is a 400; a page after the last is a 404. */
export const MAX_PAGE = 100_000;

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
  "Access-Control-Allow-Headers": "Accept, Content-Type",
  "Access-Control-Expose-Headers": "Link, Retry-After",
  "Access-Control-Max-Age": "86400",
};

export function apiJson(
  body: unknown,
  init: { status?: number; cache?: string; headers?: Record<string, string> } = {},
): Response {
  // <, > and & as \u escapes: the same JSON, but a value echoed back (a slug, a search) can never
  // read as markup even if a client mislabels the answer.
  return new Response(
    JSON.stringify(body).replace(/[<>&]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`),
    {
      status: init.status ?? 200,
      headers: {
        ...CORS,
        "Content-Type": "application/json; charset=utf-8",
        "Cache-Control": init.cache ?? "public, max-age=300",
        // ASVS 14.4.2: a browser sent straight to an API address saves the answer instead of
        // rendering it; fetch() and API clients ignore the header.
        "Content-Disposition": 'attachment; filename="api.json"',
        ...init.headers,
      },
    },
  );
}

export function apiError(
  status: number,
  error: string,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return apiJson({ error, message, status }, { status, cache: "no-store", headers });
}

/** Thrown from an endpoint for "no such thing"; the frame turns it into a 404 JSON answer. */
export function notFound(message = "Not found"): Response {
  return apiError(404, "not_found", message);
}

type Handler = (args: LoaderFunctionArgs) => Response | Promise<Response>;

/**
 * Wraps an endpoint's loader: every failure as JSON. Rate limiting per client address happens
 * before Remix, in app/http (docs/decisions/031), and answers /api/ in the same JSON shape.
 */
export function apiLoader(handler: Handler) {
  return async (args: LoaderFunctionArgs): Promise<Response> => {
    // Remix hands OPTIONS to the loader: answer the CORS pre-flight without counting it.
    if (args.request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
    let response: Response;
    try {
      response = await handler(args);
    } catch (thrown) {
      if (thrown instanceof Response) response = thrown;
      else {
        log("error", "api error", {
          requestId: requestIdOf(args.context),
          path: new URL(args.request.url).pathname,
          error: thrown instanceof Error ? thrown.message : String(thrown),
        });
        response = apiError(500, "server_error", `Something went wrong (request ${requestIdOf(args.context)}).`);
      }
    }
    return response;
  };
}

/** The action of every API route: CORS pre-flight, and 405 for anything that writes. */
export async function apiAction({ request }: ActionFunctionArgs): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: CORS });
  return apiError(405, "method_not_allowed", "This API is read-only: use GET.", { Allow: "GET, HEAD, OPTIONS" });
}

export interface Page {
  page: number;
  pageSize: number;
}

/** `?page=&pageSize=` with defaults; anything else than small positive integers is a 400. */
export function parsePage(request: RequestHead): Page {
  const params = new URL(request.url).searchParams;
  const read = (name: string, fallback: number, max: number) => {
    const raw = params.get(name);
    if (raw === null || raw === "") return fallback;
    if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1) {
      throw apiError(400, "bad_request", `${name} must be a whole number from 1 to ${max}.`);
    }
    const n = Number(raw);
    if (n > max) throw apiError(400, "bad_request", `${name} must be a whole number from 1 to ${max}.`);
    return n;
  };
  return { page: read("page", 1, MAX_PAGE), pageSize: read("pageSize", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE) };
}

export interface Paginated<T> {
  data: T[];
  meta: { page: number; pageSize: number; total: number; totalPages: number };
  links: { self: string; first: string; last: string; prev: string | null; next: string | null };
}

/** One page of `items` with absolute links that keep the request's other query parameters. */
export function paginate<T>(request: RequestHead, items: T[], { page, pageSize }: Page): Paginated<T> {
  const total = items.length;
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  if (page > totalPages) throw pageOutOfRange(totalPages);
  return pageOf(request, items.slice((page - 1) * pageSize, page * pageSize), { page, pageSize }, total);
}

/** The 404 for a page after the last. */
export function pageOutOfRange(totalPages: number): Response {
  return apiError(404, "page_out_of_range", `There are ${totalPages} pages.`);
}

/** A page already cut (by the database), with its meta and links. */
export function pageOf<T>(request: RequestHead, data: T[], { page, pageSize }: Page, total: number): Paginated<T> {
  const totalPages = Math.max(1, Math.ceil(total / pageSize));
  const link = (p: number) => {
    const url = new URL(request.url);
    url.searchParams.set("page", String(p));
    url.searchParams.set("pageSize", String(pageSize));
    return url.toString();
  };
  return {
    data,
    meta: { page, pageSize, total, totalPages },
    links: {
      self: link(page),
      first: link(1),
      last: link(totalPages),
      prev: page > 1 ? link(page - 1) : null,
      next: page < totalPages ? link(page + 1) : null,
    },
  };
}

/** A page's answer, with the same links in an RFC 8288 Link header (first, prev, next, last). */
export function pageJson<T>(body: Paginated<T>, cache?: string): Response {
  const rels = (["first", "prev", "next", "last"] as const)
    .filter((rel) => body.links[rel])
    .map((rel) => `<${body.links[rel]}>; rel="${rel}"`);
  const link = rels.join(", ");
  // The links are always in the body; the header is left out when a huge query would make it
  // larger than clients accept for response headers.
  return apiJson(body, { cache, headers: link.length <= 4000 ? { Link: link } : {} });
}

/** The paginated answer of a list held in memory. */
export function pagedJson<T>(request: RequestHead, items: T[], cache?: string): Response {
  return pageJson(paginate(request, items, parsePage(request)), cache);
}

export function originOf(request: RequestHead): string {
  return new URL(request.url).origin;
}
