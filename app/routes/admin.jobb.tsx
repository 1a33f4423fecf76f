import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { requirePortalAdmin } from "~/auth/guards.server";
import { CsrfField } from "~/components/ui/CsrfField";
import { getFixedT } from "~/i18n/i18n.server";
import { readForm } from "~/services/multipart.server";
import { isScheduledJob, listJobStatus, runJobNow } from "~/services/scheduled-jobs.server";
import { redirectWithFlash } from "~/utils/flash.server";
import { formatDateTime } from "~/utils/format";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { DELIVERY_CHANNEL_KEY, DELIVERY_STATUS_KEY, JOB_NAME_KEY, keyOf } from "~/i18n/keys";
import { listNotificationDeliveries } from "~/services/notifications.server";

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "jobs"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "jobs:title", href: "/admin/jobb" },
  ],
};

// The jobs are the whole portal's: only a portal-wide administrator sees or starts them.

/** Every scheduled job: schedule, last run, failures in the last 7 days (docs/decisions/053). */
export async function loader({ request }: LoaderFunctionArgs) {
  await requirePortalAdmin(request);
  return {
    title: getFixedT(request, "jobs")("title"),
    jobs: listJobStatus(),
    deliveries: listNotificationDeliveries(),
  };
}

/** "Kör nu": the job becomes due at once and runs when its lease is free. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requirePortalAdmin(request);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const name = String(form.get("job") ?? "");
  if (!isScheduledJob(name)) return json({ errors: { job: "jobs:errors.unknownJob" } }, { status: 400 });
  const asked = runJobNow(user, name);
  return redirectWithFlash("/admin/jobb", asked ? "jobs:flash.requested" : "jobs:flash.notRequested", {
    values: { job: name },
  });
}

export default function AdminJobs() {
  const { jobs, deliveries } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>();
  const { t } = useTranslation("jobs");
  return (
    <>
      <h1>{t("title")}</h1>
      <p className="lead">{t("lead")}</p>
      {data?.errors.job ? (
        <p className="alert alert--error" role="alert">
          {t(data.errors.job)}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("title")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("column.job")}</th>
              <th scope="col">{t("column.schedule")}</th>
              <th scope="col">{t("column.lastRun")}</th>
              <th scope="col">{t("column.nextDue")}</th>
              <th scope="col">{t("column.failures")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("column.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <tr key={job.name}>
                <th scope="row">
                  {t(keyOf(JOB_NAME_KEY, job.name) ?? job.name)}
                  <br />
                  <code>{job.name}</code>
                </th>
                <td>
                  {job.everyMs <= 0
                    ? t("schedule.off")
                    : job.everyMs < 60_000
                      ? t("schedule.seconds", { count: Math.round(job.everyMs / 1000) })
                      : t("schedule.minutes", { count: Math.round(job.everyMs / 60_000) })}
                </td>
                <td>
                  {job.runningBy ? (
                    <strong>{t("state.running")}</strong>
                  ) : job.lastRun ? (
                    <>
                      {job.lastRun.ok === true ? (
                        t("state.ok")
                      ) : job.lastRun.ok === false ? (
                        <strong className="link-broken">{t("state.failed")}</strong>
                      ) : (
                        <strong className="link-broken">{t("state.unfinished")}</strong>
                      )}{" "}
                      {formatDateTime(job.lastRun.startedAt)}
                      {job.lastRun.summary ? (
                        <>
                          <br />
                          <code>{job.lastRun.summary}</code>
                        </>
                      ) : null}
                    </>
                  ) : (
                    t("state.never")
                  )}
                </td>
                <td>{job.nextDueAt ? formatDateTime(job.nextDueAt) : t("schedule.notScheduled")}</td>
                <td>{job.failures7d}</td>
                <td>
                  <Form method="post">
                    <CsrfField />
                    <input type="hidden" name="job" value={job.name} />
                    <button type="submit" className="button button--secondary">
                      {t("runNow")}
                      <span className="visually-hidden"> {t(keyOf(JOB_NAME_KEY, job.name) ?? job.name)}</span>
                    </button>
                  </Form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2 id="aviseringar">{t("deliveries.title")}</h2>
      <p>{t("deliveries.lead")}</p>
      {deliveries.length === 0 ? (
        <p>{t("deliveries.none")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("deliveries.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("deliveries.column.created")}</th>
                <th scope="col">{t("deliveries.column.channel")}</th>
                <th scope="col">{t("deliveries.column.kind")}</th>
                <th scope="col">{t("deliveries.column.reference")}</th>
                <th scope="col">{t("deliveries.column.recipient")}</th>
                <th scope="col">{t("deliveries.column.status")}</th>
                <th scope="col">{t("deliveries.column.attempts")}</th>
                <th scope="col">{t("deliveries.column.error")}</th>
                <th scope="col">{t("deliveries.column.sent")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.createdAt)}</td>
                  <td>{t(DELIVERY_CHANNEL_KEY[d.channel])}</td>
                  <td>
                    <code>{d.kind}</code>
                  </td>
                  <td>{d.reference ?? ""}</td>
                  <td>
                    <code>{d.recipient}</code>
                  </td>
                  <td>{t(DELIVERY_STATUS_KEY[d.status])}</td>
                  <td>{d.attempts}</td>
                  <td>{d.lastError ?? ""}</td>
                  <td>{d.sentAt ? formatDateTime(d.sentAt) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
