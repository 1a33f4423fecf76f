import { z } from "zod";
import {
  parseRegisterJson,
  RegisterAnswerError,
  registerRequest,
  type RegisterHttpOptions,
} from "~/platform/register-http.server";
import {
  PaymentRefused,
  swishAmount,
  type Merchant,
  type PaymentProvider,
  type PaymentState,
  type RefundState,
} from "./payment-provider";

/**
 * The Swish Commerce API client (decision 080), as Getswish AB publishes it:
 * - PUT  {base}/api/v2/paymentrequests/{instructionUUID}  → 201 (payer's number: e-commerce flow;
 *        without it the m-commerce flow, whose answer carries a PaymentRequestToken header)
 * - GET  {base}/api/v1/paymentrequests/{instructionUUID}  → the payment request with its status
 * - PUT  {base}/api/v2/refunds/{instructionUUID}          → 201
 * - GET  {base}/api/v1/refunds/{instructionUUID}          → the refund with its status
 * 422 answers carry `[{ errorCode, errorMessage }]`. Every call goes over mutual TLS with the
 * municipality's merchant certificate (each municipality is its own merchant). `base` is e.g.
 * https://cpc.getswish.net/swish-cpcapi (production) or the local simulator's address.
 * The QR code of an m-commerce token comes from Swish's QR generator (decision 094):
 * - POST {qrBase}/api/v1/commerce { token, format: "svg", size, border, transparent } → the image
 * `qrBase` is https://mpc.getswish.net/qrg-swish; it needs no certificate.
 */
const ErrorList = z.array(z.object({ errorCode: z.string(), errorMessage: z.string().nullish() }));

const PaymentAnswer = z.object({
  id: z.string(),
  status: z.enum(["CREATED", "PAID", "DECLINED", "ERROR", "CANCELLED"]),
  paymentReference: z.string().nullish(),
  amount: z.union([z.number(), z.string()]),
  datePaid: z.string().nullish(),
  errorCode: z.string().nullish(),
});

const RefundAnswer = z.object({
  id: z.string(),
  status: z.enum(["CREATED", "VALIDATED", "DEBITED", "PAID", "ERROR"]),
  amount: z.union([z.number(), z.string()]),
  errorCode: z.string().nullish(),
});

export interface SwishClientOptions extends Omit<RegisterHttpOptions, "register" | "tls"> {
  baseUrl: string;
  qrBaseUrl: string;
}

const TOKEN = /^[A-Za-z0-9_-]{1,200}$/;

function refused(text: string): PaymentRefused {
  try {
    const list = ErrorList.parse(JSON.parse(text));
    return new PaymentRefused(list.map((e) => e.errorCode));
  } catch {
    return new PaymentRefused(["UNKNOWN"]);
  }
}

const kronor = (amount: number | string) => Math.round(Number(amount));

export function swishClient(options: SwishClientOptions): PaymentProvider {
  const trim = (url: string) => (url.endsWith("/") ? url.slice(0, -1) : url);
  const base = trim(options.baseUrl);
  const qrBase = trim(options.qrBaseUrl);
  const http = (merchant: Merchant): RegisterHttpOptions => ({
    register: "Swish",
    timeoutMs: options.timeoutMs ?? 10_000,
    attempts: options.attempts ?? 3,
    backoffMs: options.backoffMs ?? 300,
    tls: merchant.cert ? { cert: merchant.cert, key: merchant.key, ca: merchant.ca } : undefined,
  });
  /** PUT of a request that Swish creates (201); 409 is the same instruction again (a retry after a lost answer). */
  async function create(path: string, body: Record<string, unknown>, merchant: Merchant) {
    const answer = await registerRequest(
      `${base}${path}`,
      { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) },
      http(merchant),
    );
    if (answer.status === 201 || answer.status === 409) return answer;
    if (answer.status === 422 || answer.status === 400) throw refused(answer.text);
    throw new RegisterAnswerError("Swish", `status ${answer.status}`);
  }
  /** GET of a request's state: the answer's body, or an error for any status but 200. */
  async function read(path: string, merchant: Merchant) {
    const answer = await registerRequest(
      `${base}${path}`,
      { method: "GET", headers: { accept: "application/json" } },
      http(merchant),
    );
    if (answer.status !== 200) throw new RegisterAnswerError("Swish", `status ${answer.status}`);
    return answer.text;
  }
  return {
    name: "swish",
    async createPaymentRequest(input) {
      const answer = await create(
        `/api/v2/paymentrequests/${input.instructionUuid}`,
        {
          payeePaymentReference: input.payeePaymentReference,
          callbackUrl: input.callbackUrl,
          callbackIdentifier: input.callbackIdentifier,
          ...(input.payerAlias ? { payerAlias: input.payerAlias } : {}),
          payeeAlias: input.merchant.payeeAlias,
          amount: swishAmount(input.amount),
          currency: "SEK",
          message: input.message,
        },
        input.merchant,
      );
      if (input.payerAlias) return { token: null };
      // A 409 (the same instruction again) carries no token: the request cannot be shown, so it is an error.
      const token = answer.headers["paymentrequesttoken"];
      if (typeof token !== "string" || !TOKEN.test(token))
        throw new RegisterAnswerError("Swish", "no PaymentRequestToken in the answer");
      return { token };
    },
    async qrCode(token) {
      if (!TOKEN.test(token)) throw new RegisterAnswerError("Swish", "bad token");
      const answer = await registerRequest(
        `${qrBase}/api/v1/commerce`,
        {
          method: "POST",
          headers: { "content-type": "application/json", accept: "image/svg+xml" },
          body: JSON.stringify({ token, format: "svg", size: 300, border: 1, transparent: false }),
        },
        { register: "Swish", timeoutMs: options.timeoutMs ?? 10_000, attempts: 2, backoffMs: 300 },
      );
      if (answer.status !== 200 || !answer.text.trimStart().startsWith("<"))
        throw new RegisterAnswerError("Swish", `QR status ${answer.status}`);
      return { contentType: "image/svg+xml", body: Buffer.from(answer.text, "utf8") };
    },
    async getPaymentRequest(merchant, id): Promise<PaymentState> {
      const text = await read(`/api/v1/paymentrequests/${id}`, merchant);
      const p = parseRegisterJson("Swish", text, PaymentAnswer);
      return {
        id: p.id,
        status: p.status,
        paymentReference: p.paymentReference ?? null,
        amount: kronor(p.amount),
        datePaid: p.datePaid ?? null,
        errorCode: p.errorCode ?? null,
      };
    },
    async createRefund(input) {
      await create(
        `/api/v2/refunds/${input.instructionUuid}`,
        {
          originalPaymentReference: input.originalPaymentReference,
          callbackUrl: input.callbackUrl,
          callbackIdentifier: input.callbackIdentifier,
          payerAlias: input.merchant.payeeAlias,
          amount: swishAmount(input.amount),
          currency: "SEK",
          message: input.message,
        },
        input.merchant,
      );
    },
    async getRefund(merchant, id): Promise<RefundState> {
      const text = await read(`/api/v1/refunds/${id}`, merchant);
      const r = parseRegisterJson("Swish", text, RefundAnswer);
      return { id: r.id, status: r.status, amount: kronor(r.amount), errorCode: r.errorCode ?? null };
    },
  };
}
