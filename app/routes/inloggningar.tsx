import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requireResident, requireStaffUser } from "~/auth/guards.server";
import {
  describeUserAgent,
  endOtherSessions,
  endSessionByHandle,
  listActiveSessions,
  type SessionOwner,
} from "~/auth/session-list.server";
import { getSessionUser, type SessionUser } from "~/auth/session.server";
import { checkPassword, getStaffUserRow } from "~/auth/staff.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { audit } from "~/platform/audit.server";
import { readForm } from "~/services/multipart.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";

// Active sessions, to view and end (ASVS 3.3.4, docs/decisions/047). Staff re-enter their
// password to end sessions; residents, whose login is an e-ID round trip, do not (see the record).

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "auth" };

async function requireSignedIn(request: Request): Promise<{ user: SessionUser; owner: SessionOwner }> {
  const user = await getSessionUser(request);
  if (user?.kind === "staff") {
    const staff = await requireStaffUser(request);
    return { user: staff, owner: { staffUserId: staff.staffUserId } };
  }
  const resident = await requireResident(request);
  return { user: resident, owner: { personId: resident.personId } };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, owner } = await requireSignedIn(request);
  const sessions = listActiveSessions(owner, user.sessionId).map((s) => ({
    ...s,
    device: describeUserAgent(s.userAgent),
    createdAt: formatDateTime(s.createdAt),
    lastSeenAt: formatDateTime(s.lastSeenAt),
  }));
  return { title: getFixedT(request, "auth")("sessions.title"), staff: user.kind === "staff", sessions };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, owner } = await requireSignedIn(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const end = String(form.get("end") ?? "");
  if (user.kind === "staff") {
    const password = String(form.get("password") ?? "");
    const username = getStaffUserRow(user.staffUserId!)?.username ?? "";
    const errors: FieldErrors = {};
    if (!password) errors.password = "sessions.errors.passwordRequired";
    else if (!(await checkPassword(username, password)).ok) errors.password = "sessions.errors.passwordWrong";
    if (Object.keys(errors).length) return Response.json({ errors }, { status: 400 });
  }
  const ended =
    end === "others"
      ? endOtherSessions(owner, user.sessionId)
      : endSessionByHandle(owner, user.sessionId, end.slice(0, 16))
        ? 1
        : 0;
  audit({
    actor: user,
    action: "session.ended",
    subjectType: "session",
    personId: user.personId,
    municipalityId: user.municipalityId ?? undefined,
    details: { sessions: ended, scope: end === "others" ? "others" : "one" },
  });
  return redirectWithFlash("/inloggningar", ended > 0 ? "flash.sessionsEnded" : "flash.sessionsNoneEnded", {
    values: { count: ended },
  });
}

export default function Sessions() {
  const { staff, sessions } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as { errors: FieldErrors } | undefined;
  const { t } = useTranslation("auth");
  const others = sessions.filter((s) => !s.current);
  return (
    <div className="prose">
      <ErrorSummary errors={data?.errors} order={["password"]} />
      <h1>{t("sessions.title")}</h1>
      <p>{t("sessions.lead")}</p>
      <Form method="post" reloadDocument noValidate>
        <CsrfField />
        <table className="table">
          <caption className="visually-hidden">{t("sessions.caption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("sessions.device")}</th>
              <th scope="col">{t("sessions.address")}</th>
              <th scope="col">{t("sessions.started")}</th>
              <th scope="col">{t("sessions.lastSeen")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("sessions.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((s) => {
              const device =
                [s.device.browser, s.device.system].filter(Boolean).join(` ${t("sessions.on")} `) ||
                t("sessions.unknownDevice");
              return (
                <tr key={s.handle}>
                  <td>
                    {device}
                    {s.current ? <strong> ({t("sessions.current")})</strong> : null}
                  </td>
                  <td>{s.ip ?? "–"}</td>
                  <td>{s.createdAt}</td>
                  <td>{s.lastSeenAt}</td>
                  <td>
                    {s.current ? null : (
                      <button type="submit" name="end" value={s.handle} className="button button--secondary">
                        {t("sessions.endOne", { device })}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {others.length > 0 ? (
          <>
            {staff ? (
              <TextField
                name="password"
                type="password"
                label={t("sessions.password")}
                hint={t("sessions.passwordHint")}
                autoComplete="current-password"
                error={data?.errors.password}
                width="medium"
              />
            ) : null}
            <button type="submit" name="end" value="others" className="button">
              {t("sessions.endOthers")}
            </button>
          </>
        ) : (
          <p>{t("sessions.noOthers")}</p>
        )}
      </Form>
      <p>
        <Link to="/logga-ut">{t("sessions.logoutLink")}</Link>
      </p>
    </div>
  );
}
