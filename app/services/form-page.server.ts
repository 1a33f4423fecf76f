import { data, redirect } from "@remix-run/node";
import type { FormDefinition } from "../../forms/types";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { getFormUser, type FormUser } from "~/utils/resident.server";
import { eserviceSession, type EserviceSession } from "./eservice-session.server";
import { getFormDefinition } from "./forms.server";
import { getChosenMunicipality } from "./municipalities.server";

/** What every form page needs first: the definition (or 404), the language, the person and the browser key. */
export async function formPageContext(request: Request, id: string | undefined) {
  const def = id ? getFormDefinition(id) : undefined;
  if (!def) throw new Response("Not found", { status: 404 });
  const lang: Language = getLanguage(request);
  const user: FormUser | null = await getFormUser(request);
  const session: EserviceSession = eserviceSession(request);
  const t = getFixedT(lang, "forms");
  const title = t(def.titleKey.slice("forms.".length));
  return { def, lang, user, session, title, chosen: getChosenMunicipality(request)?.slug ?? null };
}

export function cookieHeaders(session: EserviceSession): HeadersInit {
  return session.setCookie ? { "Set-Cookie": session.setCookie } : {};
}

export function redirectWith(session: EserviceSession, to: string) {
  return redirect(to, { headers: cookieHeaders(session) });
}

/** Forms that concern personal matters need a logged-in resident (401 page with a way in). */
export function loginRequired(def: FormDefinition, user: FormUser | null, title: string, lang: Language) {
  if (!def.requiresLogin || user) return null;
  const t = getFixedT(lang, "eservice");
  return data(
    { kind: "login" as const, title: `${t("login.title")} – ${title}`, formTitle: title, formId: def.id },
    { status: 401 },
  );
}
