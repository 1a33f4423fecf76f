import { PaymentPanel, type PaymentPanelData } from "./PaymentPanel";

/** What the payment island's module reads from the page to hydrate the panel alone (decision 111). */
export interface PaymentIslandData {
  p: PaymentPanelData;
  phoneError: string | null;
  csrfToken: string;
}

export const PAYMENT_ISLAND_ID = "payment-island";
export const PAYMENT_ISLAND_DATA_ID = "payment-island-data";

/**
 * The check page's payment panel as an island (decision 108's pattern, decision 111): rendered on
 * the server like any component, with its props as a JSON data block next to it (never executed).
 * `payment-island.client.tsx` hydrates only this container; every text is already translated, so
 * the island needs neither i18next nor the Remix runtime.
 */
export function PaymentIsland(props: PaymentIslandData) {
  // `<` escaped so no text in the data can end the script element.
  const json = JSON.stringify(props).replace(/</g, "\\u003c");
  return (
    <>
      <div id={PAYMENT_ISLAND_ID} data-island="">
        <PaymentPanel {...props} />
      </div>
      <script type="application/json" id={PAYMENT_ISLAND_DATA_ID} dangerouslySetInnerHTML={{ __html: json }} />
    </>
  );
}
