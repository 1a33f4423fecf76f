import type { LoaderFunctionArgs } from "@remix-run/node";
import { getLanguage } from "~/i18n/i18n.server";
import { myRegisterExtract } from "~/services/mypages.server";
import { getPersonnummer } from "~/services/people.server";
import { requireResidentViewer } from "~/services/resident-viewer.server";

/** The register extract (GDPR art. 15) as a file to keep. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, viewer } = await requireResidentViewer(request);
  const [givenName, ...rest] = user.name.split(" ");
  const extract = await myRegisterExtract({
    viewer,
    actor: user,
    person: { givenName: givenName ?? "", familyName: rest.join(" "), personnummer: getPersonnummer(user.personId) },
    lang: getLanguage(request),
  });
  return new Response(JSON.stringify(extract, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="registerutdrag-${extract.generatedAt.slice(0, 10)}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
