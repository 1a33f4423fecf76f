import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ServiceDetail } from "~/components/catalogue/ServiceDetail";
import { env } from "~/env.server";
import { getLanguage } from "~/i18n/i18n.server";
import { getServiceForResident } from "~/services/catalogue.server";
import { getSessionUser } from "~/auth/session.server";
import { visitorMunicipality } from "~/services/municipalities.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as { service?: { title: string; slug: string } } | undefined;
    return [
      { labelKey: "ladder.information.short", href: "/tjanster" },
      ...(d?.service ? [{ label: d.service.title, href: `/tjanster/${d.service.slug}` }] : []),
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = getLanguage(request);
  const service = getServiceForResident({ slug: params.slug ?? "", lang });
  if (!service) throw new Response("Not found", { status: 404 });
  // The browser's choice, else a logged-in resident's home municipality (decision 109).
  const chosen = visitorMunicipality(request, await getSessionUser(request))?.municipality;
  return {
    title: service.title,
    description: service.summary,
    service,
    chosen: chosen ? { slug: chosen.slug, name: chosen.name } : null,
    publicUrl: env().PUBLIC_URL,
  };
}

export default function ServicePage() {
  const { service, chosen, publicUrl } = useLoaderData<typeof loader>();
  return <ServiceDetail service={service} chosen={chosen} publicUrl={publicUrl} />;
}
