import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { diariumFeed } from "~/services/diarium-feed.server";
import { parseDiariumFeedQuery } from "~/services/diarium.server";
import { feedResponse } from "~/services/feeds.server";
import { publicOrigin } from "~/services/sitemap.server";

/** `/diarium.atom?kommun=…&forvaltning=…`: newly registered cases, masked as on /diarium (issue 8). */
export async function loader({ request }: LoaderFunctionArgs) {
  const parsed = parseDiariumFeedQuery(new URL(request.url).searchParams);
  if (!parsed.ok) {
    return new Response(`Bad request: ${parsed.errors.join("; ")}\n`, {
      status: 400,
      headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // New entries show within five minutes; the anonymous page cache does not hold feeds.
  return feedResponse(diariumFeed(parsed.query, publicOrigin(request), getLanguage(request), "atom"), "atom", {
    maxAge: 300,
    request,
  });
}
