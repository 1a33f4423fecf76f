import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin, sitemapXml } from "~/services/sitemap.server";

export async function loader({ request }: LoaderFunctionArgs) {
  return new Response(sitemapXml(publicOrigin(request)), {
    headers: { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  });
}
