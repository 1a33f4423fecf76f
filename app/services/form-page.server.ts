import { redirect } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import type { FormDefinition, FormValues } from "../../forms/types";
import { getLanguage, localeFileKeys, translatedOnce } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";
import { requireResident } from "~/auth/guards.server";
import { getResidentUser, type ResidentUser } from "~/auth/guards.server";
import { actingForOf, eserviceSession, type EserviceSession } from "./eservice-session.server";
import { getDefinitionDocument, getFormDefinition } from "./forms.server";
import { visitorMunicipality } from "./municipalities.server";
import { pinnedTextId } from "./eservice-definitions.server";
import { getWorkingDraft } from "./drafts.server";
import { resolveFieldHooks } from "./form-hooks.server";

/**
 * An e-ID form (decision 076) is filed by the person it is about: a resident session is always
 * an e-ID login at LoA 3 or higher (decision 042), and one acting for an organisation is sent to
 * choose to act for themselves first (the case must not land on the company).
 */
function requireEidForSelf(request: RequestHead, user: ResidentUser | null): void {
  const url = new URL(request.url);
  const back = encodeURIComponent(`${url.pathname}${url.search}`.slice(0, 1000));
  if (!user) throw redirect(`/logga-in?redirectTo=${back}`);
  if (user.acting?.kind === "organisation") throw redirect(`/valj-part?redirectTo=${back}`);
}

/** What every form page needs first: the definition (or 404), the language, the person and the browser key. */
export async function formPageContext(request: RequestHead, id: string | undefined) {
  const published = id ? getFormDefinition(id) : undefined;
  if (!published) throw new Response("Not found", { status: 404 });
  let def = published;
  const lang: Language = getLanguage(request);
  // Forms about personal matters need a logged-in resident: the guard sends others to log in.
  if (def.requiresLogin || def.requiresEid) await requireResident(request);
  const user: ResidentUser | null = await getResidentUser(request);
  if (def.requiresEid) requireEidForSelf(request, user);
  // A logged-in person's form work belongs to the person, never to this browser (decision 042),
  // and to the organisation they act for: one draft each (decision 104).
  const session: EserviceSession = eserviceSession(request, user?.personId ?? null, actingForOf(user));
  // A draft completes on the version it started on (decisions 070, 075), even after a new one is published.
  const draft = getWorkingDraft({ ownerKey: session.ownerKey, formId: published.id, personId: user?.personId ?? null });
  if (draft && draft.formVersion !== published.version) def = getFormDefinition(published.id, draft.formVersion) ?? def;
  // Choices named by a hook get this person's options for the answers so far (decision 087).
  const answers = (draft?.answers ?? {}) as FormValues;
  const hooked = await resolveFieldHooks(def, { answers, user, lang });
  def = hooked.def;
  // Translated once per language instance (decision 152): i18next's lookup was ~0.1 ms a request.
  const title = translatedOnce(lang, "forms", def.titleKey.slice("forms.".length));
  // The e-service's own texts travel with the page (decision 070); the browser adds them to "forms".
  // An older version's texts live under a text id of their own (decision 086), in the browser too.
  const formTexts = getDefinitionDocument(def.id, def.version)?.texts[lang];
  const textsId = def.version === published.version ? def.id : pinnedTextId(def.id, def.version);
  return {
    def,
    lang,
    user,
    session,
    title,
    formTexts,
    textsId,
    // The engine's municipality picker starts where the header is: the browser's choice, else the
    // logged-in resident's home municipality (decision 109).
    chosen: visitorMunicipality(request, user)?.municipality.slug ?? null,
    unavailable: hooked.unavailable,
    /** The draft's answers so far (empty without one). */
    answers,
    /** The working copy as read above; a post of the same request uses it instead of reading it again. */
    workingCopy: { draft },
  };
}

/** A text key naming the forms namespace (`forms.x.…` or `forms:x.…`): x is captured. */
const FORMS_KEY = /"forms[.:]([^".:]+)/g;
/** islandTextKeys' answers by definition object and text id. */
const islandKeys = new WeakMap<FormDefinition, Map<string, string[]>>();

/**
 * The top-level keys of the "forms" namespace the form island needs (decision 116): the shared
 * texts of the locale file, this e-service's own texts (`textsId`) and any other subtree its
 * definition names. The server's "forms" bundle holds every published e-service's texts (~67 KB);
 * sending all of them with every step was most of the page's HTML and of its render time.
 */
export function islandTextKeys(def: FormDefinition, textsId: string): string[] {
  // Once per definition object and text id (decision 152): a published definition is one object
  // that is not changed, and serialising it and scanning it cost ~0.1 ms a step page.
  let byTextsId = islandKeys.get(def);
  if (!byTextsId) {
    byTextsId = new Map();
    islandKeys.set(def, byTextsId);
  }
  let keys = byTextsId.get(textsId);
  if (!keys) {
    const found = new Set([...localeFileKeys("forms"), textsId]);
    for (const m of JSON.stringify(def).matchAll(FORMS_KEY)) found.add(m[1]!);
    keys = [...found];
    byTextsId.set(textsId, keys);
  }
  return [...keys];
}

/**
 * Whether this step's page may be answered from a template, and which kind (decisions 117, 125).
 * Both need: no session, no query (no prefill, no `?lang=`), no field whose options or prefill
 * come from a register or the person, and no error.
 * - `first`: what every anonymous first visit gets: a browser key made just now (so no draft and
 *   nothing uploaded) and the published version. The server keeps the answer as a template and
 *   gives the next such visitor the same page with their own token, cookies and nonce.
 * - `answers`: a browser that brought its key (it may have a working copy): the page is a function
 *   of the loader's data (the version, the step, the answers it shows or its conditions read,
 *   progress) and of what a first visit's page depends on; the template is keyed by that data.
 */
export function stepTemplateKind(c: {
  request: RequestHead;
  user: ResidentUser | null;
  session: EserviceSession;
  def: FormDefinition;
  textsId: string;
  unavailable: string[];
  profile: Record<string, string>;
  view: { errors: Record<string, unknown> };
}): "first" | "answers" | null {
  if (c.user !== null) return null;
  if (c.unavailable.length > 0 || Object.keys(c.profile).length > 0 || Object.keys(c.view.errors).length > 0)
    return null;
  if (new URL(c.request.url).search !== "") return null;
  const hooked = c.def.steps.some((s) =>
    s.fields.some((f) => (f.type === "choice" && (f.optionsFrom ?? f.lookup)) || f.prefill?.from === "profile"),
  );
  if (hooked) return null;
  if (c.session.setCookie === null) return "answers";
  return c.textsId === c.def.id ? "first" : null;
}

export function cookieHeaders(session: EserviceSession): HeadersInit {
  return session.setCookie ? { "Set-Cookie": session.setCookie } : {};
}

export function redirectWith(session: EserviceSession, to: string) {
  return redirect(to, { headers: cookieHeaders(session) });
}
