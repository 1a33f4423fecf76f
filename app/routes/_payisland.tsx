// The payment island's browser bundle (decision 111), built as the form island's is (decision 108,
// app/routes/_island.tsx): a route without a path and without children never matches, so Remix
// never loads it; its chunk (React DOM and the payment panel, no Remix runtime, no i18next) is
// the one module the root loads on a check page with a fee to pay, its URL from the manifest.
import "~/components/form/payment-island.client";
import type { RouteHandle } from "~/utils/handle";

/** A browser-safe export, so the client build's route shim imports this file at all. */
export const handle: RouteHandle = {};
