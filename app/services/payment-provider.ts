/**
 * The payment adapter the services use (decision 080). Swish is the first provider; another
 * (a card acquirer) would implement the same interface. Amounts are whole kronor.
 */
export type PaymentStatus = "CREATED" | "PAID" | "DECLINED" | "ERROR" | "CANCELLED";
export type RefundStatus = "CREATED" | "VALIDATED" | "DEBITED" | "PAID" | "ERROR";

export interface Merchant {
  /** The merchant's Swish number (payee alias), 10 digits starting 123. */
  payeeAlias: string;
  /** PEM merchant certificate and key for mutual TLS; absent against a loopback stand-in. */
  cert?: string;
  key?: string;
  ca?: string;
  /** Where Swish sends this merchant's callbacks (the portal's own callback route unless set). */
  callbackUrl?: string;
}

export interface PaymentRequestInput {
  instructionUuid: string;
  merchant: Merchant;
  /**
   * The payer's mobile number as Swish wants it (46 followed by the number without its 0): the
   * e-commerce flow. Null: the m-commerce flow, answered with a token for the app switch or a QR code.
   */
  payerAlias: string | null;
  amount: number;
  message: string;
  payeePaymentReference: string;
  callbackUrl: string;
  callbackIdentifier: string;
}

export interface PaymentState {
  id: string;
  status: PaymentStatus;
  paymentReference: string | null;
  amount: number;
  datePaid: string | null;
  errorCode: string | null;
}

export interface RefundInput {
  instructionUuid: string;
  merchant: Merchant;
  originalPaymentReference: string;
  amount: number;
  message: string;
  callbackUrl: string;
  callbackIdentifier: string;
}

export interface RefundState {
  id: string;
  status: RefundStatus;
  amount: number;
  errorCode: string | null;
}

/** The provider refused the request itself (Swish answers 422 with error codes). */
export class PaymentRefused extends Error {
  constructor(readonly codes: string[]) {
    super(`payment request refused: ${codes.join(", ")}`);
    this.name = "PaymentRefused";
  }
}

export interface PaymentProvider {
  name: string;
  /** Creates the request; `token` is the PaymentRequestToken of an m-commerce request (no payer alias). */
  createPaymentRequest(input: PaymentRequestInput): Promise<{ token: string | null }>;
  /** A QR code the Swish app scans on another device to pay an m-commerce request (image bytes). */
  qrCode(token: string): Promise<{ contentType: string; body: Buffer }>;
  getPaymentRequest(merchant: Merchant, instructionUuid: string): Promise<PaymentState>;
  createRefund(input: RefundInput): Promise<void>;
  getRefund(merchant: Merchant, instructionUuid: string): Promise<RefundState>;
}

/** 0701234567, 070-123 45 67, +46 70 123 45 67, 0046… → 46701234567; null unless a Swedish mobile number. */
export function swishPayerAlias(input: string): string | null {
  let digits = "";
  for (const ch of input.trim()) {
    if (ch >= "0" && ch <= "9") digits += ch;
    else if (ch === "+" && digits === "") continue;
    else if (ch !== " " && ch !== "-") return null;
  }
  if (digits.startsWith("0046")) digits = digits.slice(2);
  if (digits.startsWith("0")) digits = `46${digits.slice(1)}`;
  // Swedish mobile numbers: 07x followed by seven digits.
  if (digits.length !== 11 || !digits.startsWith("467")) return null;
  return digits;
}

/**
 * The app switch to the Swish app on this device (Swish's m-commerce guide): the app opens the
 * request by its token and, when it is answered, opens `callbackUrl` (the portal's status page).
 */
export function swishAppSwitchUrl(token: string, callbackUrl: string): string {
  return `swish://paymentrequest?token=${encodeURIComponent(token)}&callbackurl=${encodeURIComponent(callbackUrl)}`;
}

/** Swish's amount format: at most two decimals, dot as separator. */
export function swishAmount(kronor: number): string {
  return `${kronor}.00`;
}
