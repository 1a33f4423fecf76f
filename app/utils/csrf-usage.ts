import { createContext, useContext } from "react";

/**
 * Whether the page being rendered on the server carries the browser's CSRF token
 * (docs/decisions/009, 030). `<CsrfField />` and a hydrating document (whose loader data holds
 * the token) mark it; entry.server then tells the CSRF middleware, which sets the seed cookie
 * only for such pages and marks them `private, no-store`. Pages without a form set no cookie,
 * so an anonymous visitor stays anonymous and the page cache can serve them.
 */
export interface CsrfUsage {
  used: boolean;
}

const CsrfUsageContext = createContext<CsrfUsage | null>(null);
export const CsrfUsageProvider = CsrfUsageContext.Provider;

/** Returns a function that records that this page carries the token (a no-op in the browser). */
export function useCsrfUsage(): () => void {
  const usage = useContext(CsrfUsageContext);
  return () => {
    if (usage) usage.used = true;
  };
}
