import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin, robotsTxt } from "~/services/sitemap.server";

/** A route rather than public/robots.txt so that it can name the sitemap's absolute URL. */
export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(robotsTxt(publicOrigin(request)), {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
