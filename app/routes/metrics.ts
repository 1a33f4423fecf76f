import type { LoaderFunctionArgs } from "@remix-run/node";
import { mayReadMetrics, metricsText } from "~/monitoring/security-events.server";

/** Prometheus scrape endpoint: loopback or the METRICS_TOKEN bearer only, never public (decision 048). */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const forwarded = request.headers.has("x-forwarded-for") || request.headers.has("forwarded");
  if (!mayReadMetrics(context.clientIp, request.headers.get("authorization"), forwarded)) {
    return new Response("Not Found\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  const { body, contentType } = await metricsText();
  return new Response(body, { status: 200, headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
