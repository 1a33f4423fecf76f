import { readForm } from "~/services/multipart.server";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getFixedT } from "~/i18n/i18n.server";
import {
  residentFrom,
  STANDIN_STAFF,
  standinLoginAllowed,
  standinLoginHeader,
  standinLogoutHeader,
} from "~/services/permits-access.server";
import { verifyPost } from "~/utils/post.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { safeRedirectPath } from "~/utils/safe-redirect";

export const meta = pageMeta;
export const handle: RouteHandle = { i18n: "backoffice" };

/** Development/test stand-in for identity's login (permits-access.server.ts); 404 in production. */
export async function loader({ request }: LoaderFunctionArgs) {
  if (!standinLoginAllowed()) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  return {
    title: getFixedT(request, "backoffice")("login.title"),
    back: safeRedirectPath(url.searchParams.get("tillbaka"), "/"),
    staff: STANDIN_STAFF.map((s) => ({ username: s.username, name: s.name })),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  if (!standinLoginAllowed()) throw new Response("Not found", { status: 404 });
  const form = await readForm(request);
  await verifyPost(request, form);
  const back = safeRedirectPath(String(form.get("tillbaka") ?? "/"), "/");
  const intent = form.get("intent");
  if (intent === "logout") return redirect("/", { headers: { "Set-Cookie": await standinLogoutHeader() } });
  if (intent === "staff") {
    const username = String(form.get("username") ?? "");
    if (!STANDIN_STAFF.some((s) => s.username === username)) return data({ error: true }, { status: 400 });
    return redirect(back === "/" ? "/handlaggare" : back, { headers: { "Set-Cookie": await standinLoginHeader({ kind: "staff", username }) } });
  }
  const personnummer = String(form.get("personnummer") ?? "").replace(/\D/g, "");
  const org = String(form.get("organisationsnummer") ?? "").trim() || null;
  if (!residentFrom(personnummer, org)) return data({ error: true }, { status: 400 });
  return redirect(back, {
    headers: { "Set-Cookie": await standinLoginHeader({ kind: "resident", personnummer, organisationsnummer: org }) },
  });
}

export default function TestLogin() {
  const { back, staff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("backoffice");
  return (
    <>
      <h1>{t("login.title")}</h1>
      <p className="lead">{t("login.lead")}</p>
      {result && "error" in result ? (
        <div className="alert alert--error" role="alert">
          {t("login.invalid")}
        </div>
      ) : null}
      <h2>{t("login.resident")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="resident" />
        <input type="hidden" name="tillbaka" value={back} />
        <div className="field">
          <label htmlFor="personnummer">{t("login.personnummer")}</label>
          <input id="personnummer" name="personnummer" inputMode="numeric" autoComplete="off" />
        </div>
        <div className="field">
          <label htmlFor="organisationsnummer">{t("login.organisation")}</label>
          <input id="organisationsnummer" name="organisationsnummer" autoComplete="off" />
        </div>
        <button className="button" type="submit">
          {t("login.submit")}
        </button>
      </Form>
      <h2>{t("login.staff")}</h2>
      <Form method="post">
        <input type="hidden" name="intent" value="staff" />
        <input type="hidden" name="tillbaka" value={back} />
        <div className="field">
          <label htmlFor="username">{t("login.username")}</label>
          <select id="username" name="username">
            {staff.map((s) => (
              <option key={s.username} value={s.username}>
                {s.username} ({s.name})
              </option>
            ))}
          </select>
        </div>
        <button className="button" type="submit">
          {t("login.submit")}
        </button>
      </Form>
      <Form method="post">
        <input type="hidden" name="intent" value="logout" />
        <button className="button button--secondary" type="submit">
          {t("login.logout")}
        </button>
      </Form>
    </>
  );
}
