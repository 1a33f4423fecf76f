/**
 * Levels of assurance (LoA) of a resident login, as the Swedish OpenID Connect profile names
 * them in `acr` / `acr_values` (Sweden Connect's registry of identifiers; the non-resident
 * variants live under id.swedenconnect.se). Level 3 ("substantial") is the floor for Mina
 * sidor (docs/decisions/042); eIDAS logins count at the level they correspond to.
 */
export const LOA3 = "http://id.elegnamnden.se/loa/1.0/loa3";
export const LOA4 = "http://id.elegnamnden.se/loa/1.0/loa4";

const RANK: Readonly<Record<string, 3 | 4>> = {
  [LOA3]: 3,
  "http://id.swedenconnect.se/loa/1.0/loa3-nonresident": 3,
  "http://id.elegnamnden.se/loa/1.0/eidas-sub": 3,
  "http://id.elegnamnden.se/loa/1.0/eidas-nf-sub": 3,
  [LOA4]: 4,
  "http://id.swedenconnect.se/loa/1.0/loa4-nonresident": 4,
  "http://id.elegnamnden.se/loa/1.0/eidas-high": 4,
  "http://id.elegnamnden.se/loa/1.0/eidas-nf-high": 4,
};

export function isAcceptableAcrValue(value: string): boolean {
  return Object.prototype.hasOwnProperty.call(RANK, value);
}

/** The configured `acr_values` (space-separated) as a list. */
export function acrList(configured: string): string[] {
  return configured.split(" ").filter(Boolean);
}

/**
 * Is the `acr` the provider returned at least as strong as the weakest level asked for?
 * Missing, unknown or weaker values are refused.
 */
export function acrSatisfies(acr: unknown, configured: string): boolean {
  if (typeof acr !== "string" || !isAcceptableAcrValue(acr)) return false;
  const floor = Math.min(...acrList(configured).map((v) => RANK[v] ?? 5));
  return RANK[acr]! >= floor;
}
