import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requireCsrf } from "~/auth/csrf.server";
import { adminMunicipalities, requireStaff } from "~/auth/guards.server";
import { municipalityNames } from "~/auth/staff.server";
import { IntegrationTargetFields } from "~/components/admin/IntegrationTargetFields";
import { CsrfField } from "~/components/ui/CsrfField";
import { ErrorSummary, TextField, type FieldErrors } from "~/components/ui/FormErrors";
import { getFixedT } from "~/i18n/i18n.server";
import { AREAS } from "~/domain/areas";
import {
  deactivateIntegrationSystem,
  getIntegrationSystem,
  IntegrationInputError,
  IntegrationNotFoundError,
  rotateIntegrationToken,
  setIntegrationRoutes,
  setIntegrationSecret,
  setIntegrationTarget,
} from "~/services/integration-systems.server";
import { readForm } from "~/services/multipart.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import { AREA_KEY } from "~/i18n/keys";

/** One integration system: target, secret, callback token, routes, deactivation (decision 058). */

export const meta = pageMeta;
export const handle: RouteHandle = {
  i18n: ["auth", "integrations"],
  breadcrumb: () => [
    { labelKey: "auth:staffHome.title", href: "/personal" },
    { labelKey: "integrations:title", href: "/admin/integrationer" },
  ],
};

async function guard(request: Request, id: string | undefined) {
  const user = await requireStaff(request, "users.admin");
  const scope = adminMunicipalities(user, "users.admin");
  const systemId = Number(id);
  if (!Number.isSafeInteger(systemId)) throw new Response("Not found", { status: 404 });
  return { user, scope, systemId };
}

function notFoundOn(error: unknown): never {
  if (error instanceof IntegrationNotFoundError) throw new Response("Not found", { status: 404 });
  throw error;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { scope, systemId } = await guard(request, params.id);
  let system;
  try {
    system = getIntegrationSystem(scope, systemId);
  } catch (error) {
    notFoundOn(error);
  }
  const names = municipalityNames();
  return {
    title: `${system.name} – ${getFixedT(request, "integrations")("title")}`,
    system: {
      ...system,
      municipalities: system.municipalityIds.map((id) => ({ id, name: names.get(id) ?? "" })),
    },
    areas: [...AREAS],
  };
}

type ActionData = { errors?: FieldErrors; done?: string; token?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, scope, systemId } = await guard(request, params.id);
  const form = await readForm(request);
  await requireCsrf(request, form);
  const intent = String(form.get("intent") ?? "");
  const base = { actor: user, scope, systemId };
  try {
    switch (intent) {
      case "target":
        setIntegrationTarget({
          ...base,
          targetKind: String(form.get("targetKind") ?? ""),
          target: String(form.get("target") ?? "").trim(),
        });
        break;
      case "secret":
        setIntegrationSecret({ ...base, secret: String(form.get("secret") ?? "") });
        break;
      case "token":
        // Shown once, in this response; only its hash is kept.
        return Response.json({ done: "token", token: rotateIntegrationToken(base) } satisfies ActionData);
      case "routes":
        setIntegrationRoutes({
          ...base,
          routes: form.getAll("routes").map((value) => {
            const [municipalityId, area] = String(value).split(":");
            return { municipalityId: Number(municipalityId), area: area ?? "" };
          }),
        });
        break;
      case "deactivate":
        deactivateIntegrationSystem(base);
        break;
      default:
        return Response.json({ errors: { intent: "integrations:errors.intent" } } satisfies ActionData, {
          status: 400,
        });
    }
    return Response.json({ done: intent } satisfies ActionData);
  } catch (error) {
    if (error instanceof IntegrationInputError)
      return Response.json(
        { errors: { [error.field]: `integrations:errors.${error.field}.${error.code}` } } satisfies ActionData,
        { status: 400 },
      );
    notFoundOn(error);
  }
}

export default function IntegrationSystemPage() {
  const { system, areas } = useLoaderData<typeof loader>();
  const data = useActionData<typeof action>() as ActionData | undefined;
  const { t } = useTranslation("integrations");
  const errors = data?.errors;
  const routed = new Set(system.routes.map((r) => `${r.municipalityId}:${r.area}`));
  return (
    <>
      <h1>{system.name}</h1>
      <p>
        {t("fields.slug")}: <code>{system.slug}</code> · {system.active ? t("active") : t("inactive")}
      </p>
      {data?.done ? (
        <div className="alert alert--success" role="status">
          <p>{t(`done.${data.done}`)}</p>
          {data.token ? (
            <p>
              {t("tokenOnce")} <code data-testid="callback-token">{data.token}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      <ErrorSummary errors={errors} order={["target", "secret", "routes", "intent"]} />

      <h2 id="target-title">{t("targetTitle")}</h2>
      <p>{system.targetKind ? `${t(`kinds.${system.targetKind}`)}: ${system.target ?? ""}` : t("noTarget")}</p>
      <Form method="post" reloadDocument noValidate aria-labelledby="target-title">
        <CsrfField />
        <input type="hidden" name="intent" value="target" />
        <IntegrationTargetFields
          values={{ targetKind: system.targetKind ?? "webhook", target: system.target ?? "" }}
          errors={errors}
          withSecret={false}
        />
        <button type="submit" className="button">
          {t("saveTarget")}
        </button>
      </Form>

      <h2 id="secret-title">{t("secretTitle")}</h2>
      <p>{system.hasSecret ? t("secretSet") : t("secretMissing")}</p>
      <Form method="post" reloadDocument noValidate aria-labelledby="secret-title">
        <CsrfField />
        <input type="hidden" name="intent" value="secret" />
        <TextField
          name="secret"
          type="password"
          label={t("fields.secret")}
          hint={t("fields.secretHint")}
          error={errors?.secret}
          width="medium"
          autoComplete="new-password"
        />
        <button type="submit" className="button">
          {t("saveSecret")}
        </button>
      </Form>

      <h2 id="token-title">{t("tokenTitle")}</h2>
      <p>{t("tokenLead")}</p>
      <Form method="post" reloadDocument aria-labelledby="token-title">
        <CsrfField />
        <input type="hidden" name="intent" value="token" />
        <button type="submit" className="button button--secondary">
          {t("rotateToken")}
        </button>
      </Form>

      {system.active ? (
        <>
          <h2 id="routes-title">{t("routes")}</h2>
          <p>{t("routesLead")}</p>
          <Form method="post" reloadDocument noValidate aria-labelledby="routes-title">
            <CsrfField />
            <input type="hidden" name="intent" value="routes" />
            {system.municipalities.map((m) => (
              <fieldset key={m.id} id={m.id === system.municipalities[0]?.id ? "routes" : undefined}>
                <legend>{m.name}</legend>
                {areas.map((area) => {
                  const value = `${m.id}:${area}`;
                  return (
                    <div className="checkbox" key={value}>
                      <input
                        type="checkbox"
                        id={`route-${m.id}-${area}`}
                        name="routes"
                        value={value}
                        defaultChecked={routed.has(value)}
                      />
                      <label htmlFor={`route-${m.id}-${area}`}>{t(AREA_KEY[area])}</label>
                    </div>
                  );
                })}
              </fieldset>
            ))}
            <button type="submit" className="button">
              {t("saveRoutes")}
            </button>
          </Form>

          <h2 id="deactivate-title">{t("deactivateTitle")}</h2>
          <p>{t("deactivateLead")}</p>
          <Form method="post" reloadDocument aria-labelledby="deactivate-title">
            <CsrfField />
            <input type="hidden" name="intent" value="deactivate" />
            <button type="submit" className="button button--warning">
              {t("deactivate")}
            </button>
          </Form>
        </>
      ) : null}
    </>
  );
}
