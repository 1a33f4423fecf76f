import { assertValidDefinition } from "../check-definition";
import type { FormDefinition, FormValues } from "../types";
import * as ansokanBorgerligVigsel from "./ansokan-borgerlig-vigsel";
import * as ansokanForeningsbidrag from "./ansokan-foreningsbidrag";
import * as ansokanGravtillstand from "./ansokan-gravtillstand";
import * as anmalanEnskiltAvlopp from "./anmalan-enskilt-avlopp";
import * as anmalanVarmepump from "./anmalan-varmepump";
import * as begaranAllmanHandling from "./begaran-allman-handling";
import * as bygglovAnsokan from "./bygglov-ansokan";
import * as felanmalanGataPark from "./felanmalan-gata-park";
import * as forskolaAnsokan from "./forskola-ansokan";
import * as parkeringstillstandRorelsehindrade from "./parkeringstillstand-rorelsehindrade";
import * as skolvalAnsokan from "./skolval-ansokan";
import * as synpunkterKlagomal from "./synpunkter-klagomal";

const modules = [
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
];

// A broken definition fails at start-up (and in every test), not when someone opens it.
for (const { definition } of modules) assertValidDefinition(definition);

export const formDefinitions: readonly FormDefinition[] = modules.map((m) => m.definition);

/** Valid example answers per form id (tests, PDF previews, seed data). */
export const formExamples: Readonly<Record<string, FormValues>> = Object.fromEntries(
  modules.map((m) => [m.definition.id, m.example]),
);

const byId = new Map(formDefinitions.map((def) => [def.id, def]));
if (byId.size !== formDefinitions.length) throw new Error("Two form definitions share an id");

/** The definition with this id, or undefined (the route answers 404). */
export function getFormDefinition(id: string): FormDefinition | undefined {
  return byId.get(id);
}
