/**
 * A Swish payment's own page, at a path that names no form (decision 111): its status, and the
 * way back from the Swish app. `…/status` (JSON) and `…/qr` (the QR code's SVG) sit under it.
 */
export const paymentPath = (instructionUuid: string) => `/betalning/${instructionUuid}`;

/** Where the payment's reference goes in the translated "paid" text; the island fills it in (111). */
export const REFERENCE_MARK = "[[reference]]";
