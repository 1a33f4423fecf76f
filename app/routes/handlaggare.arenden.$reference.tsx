import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ProtectedIdentityWarning } from "~/components/ui/ProtectedIdentity";
import { CaseActions } from "~/components/permits/CaseActions";
import type { DecisionPrefill } from "~/components/permits/DecisionPanel";
import { CaseDetails } from "~/components/permits/CaseDetails";
import { CaseMessages } from "~/components/permits/CaseMessages";
import { HandOverStatus } from "~/components/permits/HandOverStatus";
import { ESignatures } from "~/components/mypages/ESignatures";
import { permitCaseSummaryText } from "~/services/building-permits.server";
import { listCaseSignatures } from "~/services/e-signature.server";
import { formCaseSignatures } from "~/services/form-signing.server";
import { getFormDefinition } from "~/services/forms.server";
import { OWNER_PARTY, ownerConsentText, ownerConsentsForCase } from "~/services/owner-consent.server";
import { OwnerConsents } from "~/components/permits/OwnerConsents";
import { getFixedT } from "~/i18n/i18n.server";
import {
  addInternalNote,
  assignCase,
  changeStatusForStaff,
  decide,
  extendDeadline,
  filledTemplate,
  prepareDecision,
  getCaseForStaff,
  lookupCaseForStaff,
  requestSupplement,
  type ActionResult,
  messageApplicant,
  unassignCase,
} from "~/services/backoffice.server";
import { listMessages } from "~/services/messages.server";
import { readForm, readMultipart, type UploadedPart } from "~/services/multipart.server";
import { caseHandOver, retryCaseExportNow } from "~/services/outbox.server";
import { requireStaff, type StaffUser } from "~/auth/guards.server";
import { audit } from "~/platform/audit.server";
import { commitDurably } from "~/db-durable.server";
import { auditIfProtected } from "~/services/protected-identity.server";
import eserviceStyles from "~/styles/eservice.css";
import permitStyles from "~/styles/permits.css";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { requireCsrf } from "~/auth/csrf.server";

export const meta = pageMeta;
export const links: LinksFunction = () => [
  { rel: "stylesheet", href: eserviceStyles },
  { rel: "stylesheet", href: permitStyles },
];
export const handle: RouteHandle = {
  i18n: ["backoffice", "eservice", "permits", "childcare"],
  breadcrumb: () => ({ labelKey: "backoffice:breadcrumb", href: "/handlaggare" }),
};

/**
 * A case outside the officer's scope is refused with 403 (identity's guard convention) and
 * audited; one in scope but not yet a case for officers (an unsigned school application) is
 * audited and answers 404 like an unknown one.
 */
function refuse(user: StaffUser, reference: string, action: string): never {
  const found = lookupCaseForStaff({ reference, user, permission: "case.read" });
  if (found.kind === "outOfScope") {
    audit({
      actor: user,
      action,
      subjectType: "case",
      subjectId: reference.toUpperCase(),
      municipalityId: found.municipalityId,
      outcome: "refused",
      details: { reason: "scope" },
    });
    throw new Response("Forbidden", { status: 403 });
  }
  if (found.kind === "hidden")
    audit({
      actor: user,
      action,
      subjectType: "case",
      subjectId: reference.toUpperCase(),
      municipalityId: found.municipalityId,
      personId: found.applicantPersonId,
      outcome: "refused",
      details: { reason: "notForOfficers" },
    });
  throw new Response("Not found", { status: 404 });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.reference ?? "");
  const c = getCaseForStaff({ reference, user });
  if (!c) refuse(user, reference, "case.open");
  // Opening a case with personal data is recorded; the applicant can see it on Mina sidor.
  audit({
    actor: user,
    action: "case.read",
    subjectType: "case",
    subjectId: c.reference,
    municipalityId: c.municipalityId,
    personId: c.applicantPersonId,
    details: { area: c.area },
  });
  auditIfProtected({ actor: user, reference: c.reference, what: "case" });
  return {
    prefill: decisionPrefill(request, user, c),
    title: getFixedT(request, "backoffice")("case.title", { reference: c.reference }),
    c,
    me: { id: user.staffUserId, name: user.name },
    handOver: caseHandOver(c.reference),
    messages: listMessages({ caseId: c.id, audience: "staff", markReadAt: new Date() }) ?? [],
    // The applicant's e-ID signature, verified again against the application as the case keeps it (085).
    eSignatures:
      c.area === "bygglov"
        ? await listCaseSignatures(c.id, async (l, party) =>
            party === OWNER_PARTY ? (ownerConsentText(c.id, l) ?? "") : (permitCaseSummaryText(c.id, l) ?? ""),
          )
        : // An engine form the applicant signed (098).
          await formCaseSignatures(c.id, getFormDefinition(c.formId, c.formVersion)),
    // Each property owner's consent (093): a decision waits for them.
    ownerConsents: c.area === "bygglov" ? ownerConsentsForCase(c.id) : [],
  };
}

/** What the decision form starts with: the template chosen (?mall=), else the prepared draft. */
function decisionPrefill(
  request: Request,
  user: StaffUser,
  c: NonNullable<ReturnType<typeof getCaseForStaff>>,
): DecisionPrefill | null {
  const chosen = Number(new URL(request.url).searchParams.get("mall") ?? "");
  const filled = chosen && c.canPrepare ? filledTemplate({ reference: c.reference, user, templateId: chosen }) : null;
  if (filled)
    return {
      templateId: String(filled.template.id),
      outcome: filled.template.outcome,
      text: filled.text,
      preparedBy: null,
    };
  const draft = c.decisionDraft;
  if (!draft) return null;
  const template = c.templates.find((tp) => tp.id === draft.templateId);
  return {
    templateId: template ? String(template.id) : "",
    outcome: template?.outcome ?? "",
    text: draft.text,
    preparedBy: draft.preparedByName,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, "case.read");
  const reference = String(params.reference ?? "").toUpperCase();
  // Only the message form is multipart (its attachments, decision 078); the rest is url-encoded.
  let files: UploadedPart[] = [];
  let form: FormData;
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readMultipart(request);
    if (!read.ok)
      return data(
        { intent: "message", error: read.error === "tooLarge" ? "messageFileTooLarge" : "messageLength", values: {} },
        { status: read.error === "tooLarge" ? 413 : 400 },
      );
    form = read.form;
    files = read.files.filter((f) => f.field === "files");
  } else form = await readForm(request);
  await requireCsrf(request, form);
  const s = (k: string) => {
    const v = form.get(k);
    return typeof v === "string" ? v : "";
  };
  const intent = s("intent");
  if (intent === "preview") {
    // Shows the text as the document will read; nothing is stored, so nothing is audited.
    const found = lookupCaseForStaff({ reference, user, permission: "case.handle" });
    if (found.kind !== "found") refuse(user, reference, "case.preview");
    return { intent, preview: true, values: stringValues(form) };
  }
  // With the case's municipality and applicant, so the municipal admin and the resident see it (§12).
  const target = lookupCaseForStaff({ reference, user, permission: "case.read" });
  const auditRow = (r: ActionResult) =>
    audit({
      actor: user,
      action: `case.${intent}`,
      subjectType: "case",
      subjectId: reference,
      municipalityId: target.kind === "missing" ? undefined : target.municipalityId,
      personId: target.kind === "missing" ? undefined : target.applicantPersonId,
      outcome: r.ok ? "ok" : "refused",
      details: !r.ok
        ? { error: r.error }
        : intent === "message" && files.length > 0
          ? { attachments: files.length }
          : intent === "assign"
            ? { staffId: Number(s("staffId")) }
            : undefined,
    });
  // The action's rows and its audit row are one commit whose fsync runs off the event loop; the
  // answer comes after it (decisions 155, 163). An unknown case (404) is audited by `refuse`.
  let audited = false;
  const auditDone = () => {
    auditRow({ ok: true });
    audited = true;
  };
  const withAudit = (act: () => ActionResult) =>
    commitDurably(() => {
      const r = act();
      if (r.ok || r.status !== 404) auditRow(r);
      audited = true;
      return r;
    });
  let result: ActionResult;
  switch (intent) {
    case "note":
      result = await withAudit(() => addInternalNote({ reference, user, body: s("note") }));
      break;
    case "message":
      result = await messageApplicant({ reference, user, body: s("message"), files, alsoInCommit: auditDone });
      break;
    case "assign":
      result = await withAudit(() => assignCase({ reference, user, staffId: Number(s("staffId")) }));
      break;
    case "assign-me":
      result = await withAudit(() => assignCase({ reference, user, staffId: user.staffUserId }));
      break;
    case "unassign":
      result = await withAudit(() => unassignCase({ reference, user }));
      break;
    case "status":
      result = await withAudit(() => changeStatusForStaff({ reference, user, to: s("status") }));
      break;
    case "supplement":
      result = await requestSupplement({
        reference,
        user,
        message: s("message"),
        dueOn: s("dueOn").trim(),
        kinds: form.getAll("kinds").map(String),
        alsoInCommit: auditDone,
      });
      break;
    case "extend":
      result = await withAudit(() =>
        extendDeadline({ reference, user, weeks: Number(s("weeks")), reason: s("reason") }),
      );
      break;
    case "resend":
      // "Skicka igen": the hand-over is tried now instead of at its back-off time (kicked after the fsync).
      result = await withAudit(() => {
        const found = lookupCaseForStaff({ reference, user, permission: "case.handle" });
        if (found.kind !== "found") return { ok: false, status: 404, error: "notFound" };
        return retryCaseExportNow(reference) ? { ok: true } : { ok: false, status: 409, error: "notPending" };
      });
      break;
    case "decide":
      result = await decide({
        reference,
        user,
        templateId: s("templateId"),
        outcome: s("outcome"),
        text: s("decisionText"),
        fee: s("fee"),
        alsoInCommit: auditDone,
      });
      break;
    case "prepare":
      result = await withAudit(() =>
        prepareDecision({ reference, user, templateId: s("templateId"), text: s("decisionText") }),
      );
      break;
    default:
      result = { ok: false, status: 400, error: "unknownIntent" };
  }
  if (!result.ok && result.status === 404) refuse(user, reference, `case.${intent || "change"}`);
  // Refused before (or rolled back with) the action's commit: its own durable commit, as before.
  if (!audited) await commitDurably(() => auditRow(result));
  if (!result.ok)
    return data(
      {
        intent,
        error: result.error,
        values: stringValues(form),
      },
      { status: result.status },
    );
  const flash =
    {
      "assign-me": "assigned",
      assign: "assigned",
      unassign: "unassigned",
      note: "note",
      message: "message",
      status: "status",
      supplement: "supplement",
      extend: "extended",
      decide: "decided",
      prepare: "prepared",
      resend: "resend",
    }[intent] ?? "status";
  return redirect(`/handlaggare/arenden/${reference}?klart=${flash}`);
}

function stringValues(form: FormData): Record<string, string> {
  return Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string")) as Record<string, string>;
}

export default function OfficerCase() {
  const { c, me, handOver, messages, prefill, eSignatures, ownerConsents } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation("backoffice");
  const flash = params.get("klart");
  return (
    <>
      <h1>{t("case.title", { reference: c.reference })}</h1>
      {c.protectedIdentity ? <ProtectedIdentityWarning /> : null}
      {flash && !(posted && "error" in posted) ? (
        <p className="flash" role="status">
          {t(`flash.${flash}`, { defaultValue: "" })}
        </p>
      ) : null}
      {posted && "error" in posted ? (
        <div className="error-summary" role="alert" aria-labelledby="action-error-title" tabIndex={-1}>
          <h2 id="action-error-title">{t("errors.title")}</h2>
          <ul>
            <li>
              <a
                href={
                  posted.error === "templateLaw"
                    ? "#mall"
                    : `#${posted.intent === "prepare" ? "decide" : posted.intent}-form`
                }
                data-testid="action-error"
              >
                {t(`errors.${posted.error}`)}
              </a>
            </li>
          </ul>
        </div>
      ) : null}
      <div className="case-layout">
        <div>
          <CaseDetails c={c} />
          <ESignatures signatures={eSignatures} />
          <OwnerConsents consents={ownerConsents} />
          <CaseMessages reference={c.reference} messages={messages} />
          <HandOverStatus handOver={handOver} canRetry={c.canHandle} />
        </div>
        <CaseActions c={c} me={me} posted={posted ?? null} prefill={prefill} />
      </div>
    </>
  );
}
