import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/**
 * The childcare application runs on the form engine (decision 089): the old address, kept in
 * bookmarks and mails, sends the visitor on to the engine's e-service (keeping an explicit `?lang=`).
 * A POST (a page left open from before) is answered the same way and changes nothing.
 */
function toEngine({ request }: LoaderFunctionArgs) {
  const lang = new URL(request.url).searchParams.get("lang");
  const target = "/blanketter/forskola-ansokan";
  return redirect(lang === "sv" || lang === "en" ? `${target}?lang=${lang}` : target, { status: 303 });
}

export const loader = toEngine;
export const action = toEngine;
