import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";

/**
 * The bygglov pages moved onto the form engine (decision 110): `/bygglov/ansok` and every page
 * under it that is gone (details, drawings, check, sign) send the visitor on to
 * `/blanketter/bygglov-ansokan` with 303 (also after a POST, which then changes nothing), keeping
 * an explicit `?lang=`. The payment pages under `/bygglov/ansok/betalning/` are their own routes.
 */
function moved(request: Request): Response {
  const lang = new URL(request.url).searchParams.get("lang");
  return redirect(
    lang === "sv" || lang === "en" ? `/blanketter/bygglov-ansokan?lang=${lang}` : "/blanketter/bygglov-ansokan",
    {
      status: 303,
    },
  );
}

export const loader = ({ request }: LoaderFunctionArgs) => moved(request);
export const action = ({ request }: ActionFunctionArgs) => moved(request);
