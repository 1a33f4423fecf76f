import type { RequestHead } from "~/utils/request-head";
import type { PageKind } from "../../db/schema/index";
import { getFixedT, getLanguage } from "~/i18n/i18n.server";
import { getPageItem, municipalityOr404 } from "./catalogue.server";

/** Loader body shared by /{kommun}/verksamheter/{slug} and /{kommun}/sidor/{slug}. */
export function loadMunicipalPage(request: RequestHead, params: { kommun?: string; slug?: string }, kind: PageKind) {
  const m = municipalityOr404(params.kommun);
  const lang = getLanguage(request);
  const item = getPageItem({ municipalityId: m.id, kind, slug: params.slug ?? "", lang });
  if (!item) throw new Response("Not found", { status: 404 });
  const t = getFixedT(lang, "catalogue");
  return {
    title: item.title,
    description: item.summary,
    crumb: kind === "activity" ? t("municipal.activitiesCrumb") : null,
    municipality: { slug: m.slug, name: m.name },
    item,
  };
}
