import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/**
 * School choice runs on the form engine (decision 090): the old address sends the visitor on to
 * the e-service with 303, keeping an explicit `?lang=`; a POST to it changes nothing.
 */
function moved(request: Request) {
  const lang = new URL(request.url).searchParams.get("lang");
  const target = "/blanketter/skolval-ansokan";
  return redirect(lang === "sv" || lang === "en" ? `${target}?lang=${lang}` : target, { status: 303 });
}

export const loader = ({ request }: LoaderFunctionArgs) => moved(request);
export const action = ({ request }: ActionFunctionArgs) => moved(request);
