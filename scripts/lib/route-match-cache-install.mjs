// Imported first by scripts/serve.mjs (an import's side effects run before the next import's):
// @remix-run/router with remembered route matching (decision 130), before Remix loads it.
import { installRouteMatchCache } from "./route-match-cache.mjs";

if (!installRouteMatchCache()) {
  console.warn(
    JSON.stringify({
      level: "warn",
      message:
        "route matching runs uncached: @remix-run/router was loaded earlier or lacks the functions decision 130 replaces",
    }),
  );
}
