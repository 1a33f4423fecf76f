import { useEffect, type ReactNode } from "react";
import { hydrateRoot } from "react-dom/client";
import { PAYMENT_ISLAND_DATA_ID, PAYMENT_ISLAND_ID, type PaymentIslandData } from "./PaymentIsland";
import { PaymentPanel } from "./PaymentPanel";

/** Marks the document once the panel is hydrated, as the root does for a whole hydrated page. */
function Hydrated({ children }: { children: ReactNode }) {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return children;
}

/**
 * The payment island's browser code (decision 111): hydrates the check page's payment panel alone,
 * with the props the server wrote next to it. React only: no router, no i18next.
 */
function start() {
  const container = document.getElementById(PAYMENT_ISLAND_ID);
  const source = document.getElementById(PAYMENT_ISLAND_DATA_ID);
  if (!container || !source?.textContent) return;
  const data = JSON.parse(source.textContent) as PaymentIslandData;
  hydrateRoot(
    container,
    <Hydrated>
      <PaymentPanel {...data} />
    </Hydrated>,
  );
}

start();
