import { createContext, useContext } from "react";

/**
 * The request id, provided by entry.server for the error page. The root loader's data carries it
 * too, but when an action throws Remix renders the root ErrorBoundary without running the root
 * loader, and the page would lose the id a resident gives to support (ASVS 7.4.1).
 */
const RequestIdContext = createContext<string>("");
export const RequestIdProvider = RequestIdContext.Provider;
export const useRequestId = () => useContext(RequestIdContext);
