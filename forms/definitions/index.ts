import { assertValidDefinition } from "../check-definition";
import { parseDocument, resolveExample } from "../document";
import anmalanEnskiltAvlopp from "../seed/anmalan-enskilt-avlopp.json";
import anmalanVarmepump from "../seed/anmalan-varmepump.json";
import ansokanBorgerligVigsel from "../seed/ansokan-borgerlig-vigsel.json";
import ansokanForeningsbidrag from "../seed/ansokan-foreningsbidrag.json";
import ansokanGravtillstand from "../seed/ansokan-gravtillstand.json";
import begaranAllmanHandling from "../seed/begaran-allman-handling.json";
import bygglovAnsokan from "../seed/bygglov-ansokan.json";
import felanmalanGataPark from "../seed/felanmalan-gata-park.json";
import forskolaAnsokan from "../seed/forskola-ansokan.json";
import parkeringstillstandRorelsehindrade from "../seed/parkeringstillstand-rorelsehindrade.json";
import skolvalAnsokan from "../seed/skolval-ansokan.json";
import synpunkterKlagomal from "../seed/synpunkter-klagomal.json";
import andringAvfallsabonnemang from "../seed/andring-avfallsabonnemang.json";
import anmalanBehovGodMan from "../seed/anmalan-behov-god-man.json";
import anmalanLivsmedelsanlaggning from "../seed/anmalan-livsmedelsanlaggning.json";
import anmalanTomtko from "../seed/anmalan-tomtko.json";
import ansokanAnhorigstod from "../seed/ansokan-anhorigstod.json";
import ansokanBostadsanpassningsbidrag from "../seed/ansokan-bostadsanpassningsbidrag.json";
import ansokanEgensotning from "../seed/ansokan-egensotning.json";
import ansokanEkonomisktBistand from "../seed/ansokan-ekonomiskt-bistand.json";
import ansokanFardtjanst from "../seed/ansokan-fardtjanst.json";
import ansokanFeriearbete from "../seed/ansokan-feriearbete.json";
import ansokanHemtjanst from "../seed/ansokan-hemtjanst.json";
import ansokanKomvux from "../seed/ansokan-komvux.json";
import ansokanKulturskola from "../seed/ansokan-kulturskola.json";
import ansokanLss from "../seed/ansokan-lss.json";
import ansokanModersmal from "../seed/ansokan-modersmal.json";
import ansokanRiksfardtjanst from "../seed/ansokan-riksfardtjanst.json";
import ansokanSarskiltBoende from "../seed/ansokan-sarskilt-boende.json";
import ansokanServeringstillstand from "../seed/ansokan-serveringstillstand.json";
import ansokanSfi from "../seed/ansokan-sfi.json";
import ansokanSkolskjuts from "../seed/ansokan-skolskjuts.json";
import ansokanStrandskyddsdispens from "../seed/ansokan-strandskyddsdispens.json";
import ansokanTobakstillstand from "../seed/ansokan-tobakstillstand.json";
import ansokanTrygghetslarm from "../seed/ansokan-trygghetslarm.json";
import ansokanVaAnslutning from "../seed/ansokan-va-anslutning.json";
import bokningBatplats from "../seed/bokning-batplats.json";
import bokningBudgetSkuldradgivning from "../seed/bokning-budget-skuldradgivning.json";
import bokningForetagslots from "../seed/bokning-foretagslots.json";
import bokningIdrottshall from "../seed/bokning-idrottshall.json";
import medborgarforslag from "../seed/medborgarforslag.json";
import type { TextTree, DefinitionDocument } from "../document";
import type { FormDefinition, FormValues } from "../types";

/**
 * The e-services' definitions, from their documents in forms/seed (decision 070): JSON that
 * holds each definition, its own texts in both languages and an example answer. Each document
 * is checked twice at load: its shape (`parseDocument`) and its meaning (`assertValidDefinition`),
 * so a broken document fails at start-up and in every test, not when someone opens it.
 */
const sources: unknown[] = [
  felanmalanGataPark,
  synpunkterKlagomal,
  begaranAllmanHandling,
  parkeringstillstandRorelsehindrade,
  anmalanVarmepump,
  ansokanGravtillstand,
  ansokanForeningsbidrag,
  ansokanBorgerligVigsel,
  anmalanEnskiltAvlopp,
  forskolaAnsokan,
  skolvalAnsokan,
  bygglovAnsokan,
  // Issue 14 item 4 (decision 076): the catalogue's remaining services, socialtjänst included.
  andringAvfallsabonnemang,
  anmalanBehovGodMan,
  anmalanLivsmedelsanlaggning,
  anmalanTomtko,
  ansokanAnhorigstod,
  ansokanBostadsanpassningsbidrag,
  ansokanEgensotning,
  ansokanEkonomisktBistand,
  ansokanFardtjanst,
  ansokanFeriearbete,
  ansokanHemtjanst,
  ansokanKomvux,
  ansokanKulturskola,
  ansokanLss,
  ansokanModersmal,
  ansokanRiksfardtjanst,
  ansokanSarskiltBoende,
  ansokanServeringstillstand,
  ansokanSfi,
  ansokanSkolskjuts,
  ansokanStrandskyddsdispens,
  ansokanTobakstillstand,
  ansokanTrygghetslarm,
  ansokanVaAnslutning,
  bokningBatplats,
  bokningBudgetSkuldradgivning,
  bokningForetagslots,
  bokningIdrottshall,
  medborgarforslag,
];

function load(source: unknown): DefinitionDocument {
  const result = parseDocument(source);
  if (!result.ok) throw new Error(`A seed definition document is malformed:\n  ${result.problems.join("\n  ")}`);
  assertValidDefinition(result.document.definition);
  return result.document;
}

interface Checked {
  documents: readonly DefinitionDocument[];
  definitions: readonly FormDefinition[];
  examples: Readonly<Record<string, FormValues>>;
  byId: ReadonlyMap<string, FormDefinition>;
}
let checked: Checked | undefined;

/**
 * The documents are checked (zod and the definition rules) at first use, not at import: the
 * server's first answer (a health check, a cached page) needs none of them, and checking them
 * was a tenth of the start-up (docs/decisions/113). The tests check every document.
 */
function checkedDocuments(): Checked {
  if (checked) return checked;
  const documents = sources.map(load);
  const definitions = documents.map((d) => d.definition);
  const byId = new Map(definitions.map((def) => [def.id, def]));
  if (byId.size !== definitions.length) throw new Error("Two form definitions share an id");
  const examples = Object.fromEntries(documents.map((d) => [d.definition.id, resolveExample(d.example)]));
  checked = { documents, definitions, examples, byId };
  return checked;
}

/** A read-only list or record that is made at its first read (`target` is its empty shape). */
function madeOnFirstRead<T extends object>(target: T, made: () => T): T {
  return new Proxy(target, {
    get: (_t, key) => Reflect.get(made(), key) as unknown,
    has: (_t, key) => Reflect.has(made(), key),
    ownKeys: () => Reflect.ownKeys(made()),
    getOwnPropertyDescriptor: (_t, key) => {
      const descriptor = Reflect.getOwnPropertyDescriptor(made(), key);
      // Only the empty target's own `length` may be reported as fixed (proxy invariants).
      if (descriptor && !(Array.isArray(target) && key === "length")) descriptor.configurable = true;
      return descriptor;
    },
    set: () => false,
    deleteProperty: () => false,
    defineProperty: () => false,
  });
}

/** Every seed document, checked. */
export const definitionDocuments: readonly DefinitionDocument[] = madeOnFirstRead<DefinitionDocument[]>(
  [],
  () => checkedDocuments().documents as DefinitionDocument[],
);

export const formDefinitions: readonly FormDefinition[] = madeOnFirstRead<FormDefinition[]>(
  [],
  () => checkedDocuments().definitions as FormDefinition[],
);

/** Valid example answers per form id (tests, PDF previews, seed data); relative dates resolved today. */
export const formExamples: Readonly<Record<string, FormValues>> = madeOnFirstRead<Record<string, FormValues>>(
  {},
  () => checkedDocuments().examples as Record<string, FormValues>,
);

/** The definition with this id, or undefined (the route answers 404). */
export function getFormDefinition(id: string): FormDefinition | undefined {
  return checkedDocuments().byId.get(id);
}

/** The document of this e-service (definition, texts, example), for export; undefined when unknown. */
export function getDefinitionDocument(id: string): DefinitionDocument | undefined {
  return definitionDocuments.find((d) => d.definition.id === id);
}

/**
 * The forms namespace of one language: the generic texts (public/locales/<lang>/forms.json:
 * common, units, errors) with every e-service's own texts from its document under its id.
 */
export function withDefinitionTexts(
  generic: TextTree,
  lang: "sv" | "en",
  documents: readonly DefinitionDocument[] = definitionDocuments,
): TextTree {
  const tree: TextTree = { ...generic };
  for (const d of documents) tree[d.definition.id] = d.texts[lang];
  return tree;
}
