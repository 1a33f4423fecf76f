// The form island's browser bundle (decision 108). The classic compiler has one browser entry
// (entry.client, which hydrates the whole document with Remix); every route module is a chunk of
// its own. A route without a path and without children never matches, so Remix never loads this
// one: its chunk, with the chunks it imports (React DOM, i18next, the form engine, no Remix
// runtime), is the one module the root loads on an island page, its URL from the manifest.
// `.client` modules are empty in the server build.
import "~/components/form/island.client";
import type { RouteHandle } from "~/utils/handle";

/** A browser-safe export, so the client build's route shim imports this file at all. */
export const handle: RouteHandle = {};
