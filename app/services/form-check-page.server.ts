import { createHash } from "node:crypto";
import type { RequestHead } from "~/utils/request-head";
import { translatedOnce } from "~/i18n/i18n.server";
import { cookieHeaders, formPageContext, redirectWith } from "./form-page.server";
import { loadCheckAnswers } from "./forms.server";
import { computeValues } from "./form-hooks.server";
import { signsBeforeSending } from "./form-signing.server";
import { formPayment, paymentPanelTexts } from "./form-payment.server";

/**
 * What the check-answers page is made of (its loader's data), and the key of the page around its
 * answers when the server may answer it from a template (decision 145): null, or a hash of
 * everything the page shows apart from the answer rows, the municipality row and the idempotency
 * key (written per request). Used by the loader and, in front of Express, by the template's
 * look-up, which runs exactly this. Reads only: nothing is written.
 */
export async function checkPage(request: RequestHead, params: { id?: string }) {
  const { def, lang, user, session, title, formTexts, textsId, workingCopy } = await formPageContext(
    request,
    params.id,
  );
  // The working copy formPageContext read (its version chose `def`): not read and decrypted again.
  const result = loadCheckAnswers(
    { def, ownerKey: session.ownerKey, personId: user?.personId ?? null, chosenMunicipality: null, lang },
    workingCopy,
  );
  if ("redirect" in result && result.redirect) throw redirectWith(session, result.redirect);
  if ("redirect" in result) throw new Response("Not found", { status: 404 });
  // Values computed by the form's hooks (the childcare fee), shown before sending (decision 087).
  const { answers, ...check } = result;
  const computed = (await computeValues(def, { answers, user, lang })).map((c) => ({
    name: c.name,
    labelKey: c.labelKey,
    text: c.value.text,
  }));
  // A fee is paid with Swish before signing and sending, or invoiced (decision 105).
  const payment = await formPayment(def, { answers, user, lang, ownerKey: session.ownerKey });
  const data = {
    kind: "check" as const,
    computed,
    payment: payment ? paymentPanelTexts(payment, lang) : null,
    // Sent by the applicant's e-ID signature (decision 098): the last control is a link to the provider.
    signs: signsBeforeSending(def),
    title: `${translatedOnce(lang, "forms", "common.checkAnswers")} – ${title}`,
    formTitle: title,
    formId: def.id,
    formTexts,
    textsId,
    ...check,
  };
  // A template only for an anonymous browser that brought its key, without query, computed values
  // or a payment panel (an island with its own script): the rest of the page is then a function of
  // the form's version and texts, the language and the request's path and cookies.
  const plain =
    user === null &&
    session.setCookie === null &&
    new URL(request.url).search === "" &&
    computed.length === 0 &&
    data.payment === null;
  const frameKey = plain
    ? frameKeyOf(JSON.stringify([lang, def.id, def.version, textsId, data.signs, data.title, data.formTitle]))
    : null;
  return { data, headers: cookieHeaders(session), frameKey, lang };
}

/**
 * The frame key of a frame's description: its SHA-256, hashed once per description (decision 160).
 * At most 64 kept (one per form, version, texts and language walked; ~250 bytes each).
 */
const frameKeys = new Map<string, string>();
function frameKeyOf(frame: string): string {
  let key = frameKeys.get(frame);
  if (key === undefined) {
    key = createHash("sha256").update(frame).digest("base64url");
    if (frameKeys.size >= 64) frameKeys.delete(frameKeys.keys().next().value!);
    frameKeys.set(frame, key);
  }
  return key;
}

export type CheckPage = Awaited<ReturnType<typeof checkPage>>;

/** The check page the template look-up already read for this very request, with its path. */
export interface EarlyCheckPage {
  path: string;
  page: CheckPage;
}

/** The check page read in front of Express for this request (`context.earlyCheckPage`), or null. */
export function earlyCheckPage(context: unknown, request: RequestHead): CheckPage | null {
  const early = (context as { earlyCheckPage?: EarlyCheckPage } | undefined)?.earlyCheckPage;
  if (!early) return null;
  const url = new URL(request.url);
  return early.path === url.pathname + url.search ? early.page : null;
}
