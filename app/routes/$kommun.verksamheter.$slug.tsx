import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageDetail } from "~/components/catalogue/PageDetail";
import { loadMunicipalPage } from "~/services/catalogue-routes.server";
import type { RouteHandle } from "~/utils/handle";
import { pageMeta } from "~/utils/meta";
import catalogueStyles from "~/styles/catalogue.css";

export const meta = pageMeta;
export const links: LinksFunction = () => [{ rel: "stylesheet", href: catalogueStyles }];
export const handle: RouteHandle = {
  i18n: "catalogue",
  breadcrumb: (match) => {
    const d = match.data as
      | { municipality?: { slug: string; name: string }; crumb?: string; item?: { slug: string; title: string } }
      | undefined;
    if (!d?.municipality || !d.item) return null;
    return [
      { label: d.municipality.name, href: `/${d.municipality.slug}` },
      { label: d.crumb ?? "", href: `/${d.municipality.slug}/verksamheter` },
      { label: d.item.title, href: `/${d.municipality.slug}/verksamheter/${d.item.slug}` },
    ];
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  return loadMunicipalPage(request, params, "activity");
}

export default function Activity() {
  const { item } = useLoaderData<typeof loader>();
  return <PageDetail item={item} />;
}
