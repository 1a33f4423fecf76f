import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { feedResponse } from "~/services/feeds.server";
import { newsFeed } from "~/services/news-feed.server";
import { publicOrigin } from "~/services/sitemap.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = newsFeed(params.kommun ?? "", publicOrigin(request), getLanguage(request), "rss");
  if (!feed)
    return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return feedResponse(feed, "rss");
}
