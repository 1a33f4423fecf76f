/**
 * What the public register may show of a case (docs/decisions/017). Pure functions so that
 * every public output — the page, the single-fetch JSON, the CSV and the search index — goes
 * through the same rule, and the rule can be tested on its own.
 *
 *  - secret (childcare, school, social services): no party and no subject at all;
 *  - personal: a private person is masked, an organisation is named, no subject;
 *  - public: a private person is masked, an organisation is named, the subject is shown.
 * Areas and administrations whose cases are always secret are secret whatever the form
 * says (defence in depth against a definition that is marked too openly).
 */
export type Sensitivity = "public" | "personal" | "secret";

const ALWAYS_SECRET_AREAS = new Set(["barnomsorg", "skola", "socialtjanst"]);
const ALWAYS_SECRET_ADMINISTRATIONS = new Set(["socialtjanst"]);

export interface MaskInput {
  sensitivity: string;
  area: string;
  administrationSlug: string;
  subject: string | null;
  partyKind: string;
  partyName: string | null;
}

export type PublicParty =
  { kind: "secret" } | { kind: "masked" } | { kind: "organisation"; name: string } | { kind: "none" };

export interface PublicFields {
  sensitivity: Sensitivity;
  subject: string | null;
  party: PublicParty;
}

export function effectiveSensitivity(
  input: Pick<MaskInput, "sensitivity" | "area" | "administrationSlug">,
): Sensitivity {
  if (ALWAYS_SECRET_AREAS.has(input.area) || ALWAYS_SECRET_ADMINISTRATIONS.has(input.administrationSlug))
    return "secret";
  if (input.sensitivity === "public" || input.sensitivity === "personal") return input.sensitivity;
  return "secret"; // unknown values fail closed
}

/**
 * When a case was registered, as the register shows it: to the day for a secret case (its
 * millisecond time would let anyone match the entry with what they saw happen; decision 045),
 * exact otherwise. The day is the Swedish calendar day, written as that date at 00:00 UTC so
 * that every reader (the page, the CSV's first ten characters, the feeds, the API's date-time)
 * shows the same date.
 */
export function publicRegisteredAt(sensitivity: Sensitivity, registeredAt: string): string {
  if (sensitivity !== "secret") return registeredAt;
  const at = new Date(registeredAt);
  if (Number.isNaN(at.getTime())) return registeredAt.slice(0, 10);
  return `${STOCKHOLM_DAY.format(at)}T00:00:00.000Z`;
}

// sv-SE writes dates as YYYY-MM-DD.
const STOCKHOLM_DAY = new Intl.DateTimeFormat("sv-SE", {
  timeZone: "Europe/Stockholm",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

export function maskEntry(input: MaskInput): PublicFields {
  const sensitivity = effectiveSensitivity(input);
  if (sensitivity === "secret") return { sensitivity, subject: null, party: { kind: "secret" } };
  let party: PublicParty;
  if (input.partyKind === "organisation" && input.partyName) party = { kind: "organisation", name: input.partyName };
  else if (input.partyKind === "none") party = { kind: "none" };
  else party = { kind: "masked" };
  return { sensitivity, subject: sensitivity === "public" ? input.subject : null, party };
}
