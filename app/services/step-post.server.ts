import { data } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { errorKey } from "../../forms/keys";
import { formatBytes } from "../../forms/format";
import type { StepViewData } from "../../forms/step-view";
import { requireCsrf } from "~/auth/csrf.server";
import { readPost } from "~/utils/multipart.server";
import { cookieHeaders, formPageContext, redirectWith } from "./form-page.server";
import { loadStep, postStep } from "./forms.server";

/**
 * A form step's post (the step route's action): the answers checked and saved, then a redirect
 * to the next step, or the step again with its messages. Run by the route, or in front of Express
 * by app/http/step-post.server.ts for a plain form post (decision 147), with the same outcome.
 */
export async function runStepPost(request: RequestHead, params: { id?: string; step?: string }) {
  const { def, lang, user, session, chosen, workingCopy } = await formPageContext(request, params.id);
  const stepId = params.step ?? "";
  const step = def.steps.find((s) => s.id === stepId);
  if (!step) throw new Response("Not found", { status: 404 });
  const ctx = {
    def,
    stepId,
    ownerKey: session.ownerKey,
    personId: user?.personId ?? null,
    chosenMunicipality: chosen,
    lang,
    user,
    workingCopy,
  };
  const maxFile = Math.max(200_000, ...step.fields.map((f) => (f.type === "file" ? f.maxBytes : 0)));
  const body = await readPost(request, maxFile);
  if (!body.ok) {
    const loaded = loadStep(ctx, new URLSearchParams());
    if ("redirect" in loaded) throw redirectWith(session, loaded.redirect);
    const target = body.field ? step.fields.find((f) => f.name === body.field) : undefined;
    const field = target ? target.name : "_form";
    // A too-large file part names the file limit; too much text (a text part or a whole url-encoded body) says so.
    const tooLargeKey = target?.type === "file" || (body.field !== null && !target) ? "file.partTooLarge" : "tooLarge";
    const key =
      body.code === "tooLarge"
        ? errorKey(tooLargeKey)
        : errorKey(body.code === "unsupported" ? "unsupported" : "malformed");
    const view: StepViewData = {
      ...loaded.view,
      errors: { [field]: { key, params: { max: formatBytes(body.maxBytes ?? maxFile) } } },
    };
    return data({ view }, { status: body.status, headers: cookieHeaders(session) });
  }
  await requireCsrf(request, body.formData);
  const result = await postStep(ctx, body.formData);
  if ("redirect" in result) throw redirectWith(session, result.redirect);
  return data({ view: result.view }, { status: result.status, headers: cookieHeaders(session) });
}
