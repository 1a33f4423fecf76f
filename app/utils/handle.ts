import type { UIMatch } from "@remix-run/react";

export interface Crumb {
  /** An i18n key in the common namespace, or a ready label (e.g. a municipality's name). */
  labelKey?: string;
  label?: string;
  href: string;
}

/**
 * What a route module may say about itself in `export const handle`.
 * `hydrate: true` opts a page into client JavaScript; information pages ship none
 * (Remix's documented per-route "disable JavaScript" pattern, docs/decisions/005).
 */
export interface RouteHandle {
  hydrate?: boolean;
  /**
   * The page hydrates only its form (decision 108): the root renders no Remix scripts but the
   * form island's module, which hydrates the `[data-island]` container from its JSON data.
   * A function names another island's never-matched route for the page's data, or null for none
   * (the check page's payment panel, decision 111).
   */
  island?: boolean | ((match: UIMatch<unknown, RouteHandle>) => string | null);
  i18n?: string | string[];
  breadcrumb?: (match: UIMatch<unknown, RouteHandle>) => Crumb | Crumb[] | null;
}

export function handleOf(match: UIMatch<unknown, unknown>): RouteHandle {
  return (match.handle ?? {}) as RouteHandle;
}

/** The never-matched route whose browser chunk is the form island (app/routes/_island.tsx). */
const FORM_ISLAND_ROUTE = "routes/_island";

/** The island route a page of this match hydrates, if any (decisions 108, 111). */
export function islandRouteOf(match: UIMatch<unknown, unknown>): string | null {
  const island = handleOf(match).island;
  if (island === true) return FORM_ISLAND_ROUTE;
  return typeof island === "function" ? island(match as UIMatch<unknown, RouteHandle>) : null;
}

/**
 * The handle of an /admin page of the catalogue (units, taxa, maxtaxa, samverkan): the staff
 * home, then the page itself, with the admin-catalogue texts loaded.
 */
export function adminCatalogueHandle(titleKey: string, href: string): RouteHandle {
  return {
    i18n: ["auth", "admin-catalogue"],
    breadcrumb: () => [
      { labelKey: "auth:staffHome.title", href: "/personal" },
      { labelKey: `admin-catalogue:${titleKey}`, href },
    ],
  };
}
