import type { IncomingMessage, RequestListener, ServerResponse } from "node:http";
import { randomBytes } from "node:crypto";
import QRCode from "qrcode";
import type { StandIn } from "./index";

/**
 * A local Swish simulator (decision 080) speaking the Swish Commerce API as the portal's real
 * client does: PUT /swish-cpcapi/api/v2/paymentrequests/{instructionUUID} (201 Created with a
 * Location header, 422 with [{ errorCode, errorMessage }] on a bad request, 409 when the
 * instruction already exists), GET /swish-cpcapi/api/v1/paymentrequests/{id}, and the same for
 * refunds (PUT /api/v2/refunds/{id}, GET /api/v1/refunds/{id}). After `delayMs` it settles the
 * request and POSTs the payment request object to its callbackUrl with the callbackIdentifier
 * header, as Swish does. The payer's number chooses the outcome (never real numbers), below.
 *
 * Without a payerAlias the request is an m-commerce one (decision 094): the 201 carries a
 * `PaymentRequestToken` header, and the request stays CREATED until the payer answers, which a
 * test does for them: POST /swish-cpcapi/simulator/{token}/paid (or /declined), as the app would
 * after the app switch or a scanned QR code. POST /qrg-swish/api/v1/commerce { token, format:
 * "svg", size, border } answers the QR code of an open request's token, as Swish's generator does.
 */
export const SWISH_DECLINED = "46700000001"; // the payer declines in the app: DECLINED
export const SWISH_ERROR = "46700000002"; // Swish times the payer out: ERROR, errorCode TM01
export const SWISH_NO_ANSWER = "46700000003"; // nothing ever happens: stays CREATED, no callback
export const SWISH_DUPLICATE = "46700000004"; // PAID, and the callback arrives twice
/** The merchant number (payee alias) the simulator accepts; Swish test merchants start with 123. */
export const SWISH_TEST_PAYEE = "1231181189";

interface SimPayment {
  id: string;
  payeePaymentReference: string;
  paymentReference: string | null;
  callbackUrl: string;
  callbackIdentifier: string;
  payerAlias: string;
  /** The m-commerce request's PaymentRequestToken; null in the phone-number flow. */
  token: string | null;
  payeeAlias: string;
  amount: string;
  currency: "SEK";
  message: string;
  status: "CREATED" | "PAID" | "DECLINED" | "ERROR";
  dateCreated: string;
  datePaid: string | null;
  errorCode: string | null;
  errorMessage: string | null;
}

interface SimRefund {
  id: string;
  originalPaymentReference: string;
  paymentReference: string | null;
  callbackUrl: string;
  callbackIdentifier: string;
  payerAlias: string;
  amount: string;
  currency: "SEK";
  message: string;
  status: "CREATED" | "PAID" | "ERROR";
  dateCreated: string;
  datePaid: string | null;
  errorCode: string | null;
}

const ID = /^[0-9A-F]{32}$/;
const AMOUNT = /^\d{1,9}\.\d{2}$/;

export function swishSimulator(options: { delayMs?: number } = {}) {
  const delayMs = options.delayMs ?? 400;
  const payments = new Map<string, SimPayment>();
  const refunds = new Map<string, SimRefund>();
  const callbacks: { url: string; body: unknown }[] = [];

  async function callBack(url: string, identifier: string, body: unknown) {
    callbacks.push({ url, body });
    try {
      await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", callbackIdentifier: identifier },
        body: JSON.stringify(body),
      });
    } catch {
      // Swish retries a failed callback a few times; the merchant's poll is the real fallback.
    }
  }

  function settle(p: SimPayment, answer?: "paid" | "declined") {
    if (p.payerAlias === SWISH_NO_ANSWER || (p.token && !answer)) return;
    setTimeout(() => {
      if (p.payerAlias === SWISH_DECLINED || answer === "declined") {
        p.status = "DECLINED";
      } else if (p.payerAlias === SWISH_ERROR) {
        p.status = "ERROR";
        p.errorCode = "TM01";
        p.errorMessage = "Swish timed out before the payment was started";
      } else {
        p.status = "PAID";
        p.paymentReference = randomBytes(16).toString("hex").toUpperCase();
        p.datePaid = new Date().toISOString();
      }
      void callBack(p.callbackUrl, p.callbackIdentifier, p).then(() =>
        p.payerAlias === SWISH_DUPLICATE ? callBack(p.callbackUrl, p.callbackIdentifier, p) : undefined,
      );
    }, delayMs).unref();
  }

  /** Swish's QR generator: the token of an open m-commerce request as an SVG QR code. */
  async function qrCode(body: Record<string, unknown>, res: ServerResponse) {
    const token = typeof body.token === "string" ? body.token : "";
    const open = [...payments.values()].find((p) => p.token === token && p.status === "CREATED");
    if (!open || (body.format !== undefined && body.format !== "svg")) {
      res.writeHead(400, { "content-type": "application/json" });
      return res.end(JSON.stringify([{ errorCode: "VL02", errorMessage: "Invalid or expired token" }]));
    }
    const border = typeof body.border === "number" && body.border >= 0 && body.border <= 4 ? body.border : 1;
    const svg = await QRCode.toString(token, { type: "svg", margin: border, errorCorrectionLevel: "M" });
    res.writeHead(200, { "content-type": "image/svg+xml" });
    res.end(svg);
  }

  function refundable(reference: string): number {
    const original = [...payments.values()].find((p) => p.paymentReference === reference && p.status === "PAID");
    if (!original) return -1;
    const refunded = [...refunds.values()]
      .filter((r) => r.originalPaymentReference === reference && r.status !== "ERROR")
      .reduce((s, r) => s + Number(r.amount), 0);
    return Number(original.amount) - refunded;
  }

  const listener: RequestListener = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers });
        res.end(body === undefined ? undefined : JSON.stringify(body));
      };
      const errors = (...codes: [string, string][]) =>
        send(
          422,
          codes.map(([errorCode, errorMessage]) => ({ errorCode, errorMessage })),
        );
      const path = (req.url ?? "").split("?")[0] ?? "";
      const parts = path.split("/").filter(Boolean); // swish-cpcapi, api, v2, paymentrequests, id
      if (req.method === "POST" && path === "/qrg-swish/api/v1/commerce") {
        let qrBody: Record<string, unknown> = {};
        try {
          qrBody = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        } catch {
          return send(400);
        }
        return void qrCode(qrBody, res);
      }
      if (req.method === "POST" && parts[0] === "swish-cpcapi" && parts[1] === "simulator" && parts.length === 4) {
        // The payer answers an m-commerce request in the app (driven by a test).
        const answer = parts[3] === "paid" || parts[3] === "declined" ? parts[3] : null;
        const p = [...payments.values()].find((x) => x.token !== null && x.token === parts[2]);
        if (!answer || !p || p.status !== "CREATED") return send(404);
        settle(p, answer);
        return send(204);
      }
      if (parts[0] !== "swish-cpcapi" || parts[1] !== "api" || parts.length !== 5) return send(404);
      const [, , version, kind, id = ""] = parts;
      if (!ID.test(id)) return send(404);
      let body: Record<string, unknown> = {};
      if (req.method === "PUT") {
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>;
        } catch {
          return send(400);
        }
      }
      const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
      if (kind === "paymentrequests" && req.method === "PUT" && version === "v2") {
        if (payments.has(id)) return send(409);
        const problems: [string, string][] = [];
        const mcommerce = body.payerAlias === undefined;
        if (!mcommerce && !/^\d{8,15}$/.test(str("payerAlias"))) problems.push(["BE18", "Payer alias is invalid"]);
        if (str("payeeAlias") !== SWISH_TEST_PAYEE) problems.push(["RP01", "Missing Merchant Swish Number"]);
        if (!AMOUNT.test(str("amount")) || Number(str("amount")) < 1)
          problems.push(["PA02", "Amount value is missing or not a valid number"]);
        if (str("currency") !== "SEK") problems.push(["AM03", "Invalid or missing Currency"]);
        if (!/^https?:\/\//.test(str("callbackUrl")))
          problems.push(["RP03", "Callback URL is missing or does not use HTTPS"]);
        if (str("message").length > 50) problems.push(["RP02", "Wrong formatted message"]);
        if (problems.length) return errors(...problems);
        const p: SimPayment = {
          id,
          payeePaymentReference: str("payeePaymentReference"),
          paymentReference: null,
          callbackUrl: str("callbackUrl"),
          callbackIdentifier: str("callbackIdentifier"),
          payerAlias: mcommerce ? "" : str("payerAlias"),
          token: mcommerce ? randomBytes(16).toString("hex") : null,
          payeeAlias: str("payeeAlias"),
          amount: str("amount"),
          currency: "SEK",
          message: str("message"),
          status: "CREATED",
          dateCreated: new Date().toISOString(),
          datePaid: null,
          errorCode: null,
          errorMessage: null,
        };
        payments.set(id, p);
        settle(p);
        return send(201, undefined, {
          location: `/swish-cpcapi/api/v1/paymentrequests/${id}`,
          ...(p.token ? { paymentrequesttoken: p.token } : {}),
        });
      }
      if (kind === "paymentrequests" && req.method === "GET" && version === "v1") {
        const p = payments.get(id);
        return p ? send(200, p) : send(404);
      }
      if (kind === "refunds" && req.method === "PUT" && version === "v2") {
        if (refunds.has(id)) return send(409);
        const left = refundable(str("originalPaymentReference"));
        if (left < 0)
          return errors(["RF02", "Original Payment not found or original payment is more than 13 months old"]);
        if (!AMOUNT.test(str("amount")) || Number(str("amount")) > left)
          return errors([
            "RF08",
            "Amount value is too large, or amount exceeds the amount of the original payment minus any previous refunds",
          ]);
        if (str("payerAlias") !== SWISH_TEST_PAYEE)
          return errors(["RF03", "Payer alias in the refund does not match the payee alias in the original payment"]);
        const r: SimRefund = {
          id,
          originalPaymentReference: str("originalPaymentReference"),
          paymentReference: null,
          callbackUrl: str("callbackUrl"),
          callbackIdentifier: str("callbackIdentifier"),
          payerAlias: str("payerAlias"),
          amount: str("amount"),
          currency: "SEK",
          message: str("message"),
          status: "CREATED",
          dateCreated: new Date().toISOString(),
          datePaid: null,
          errorCode: null,
        };
        refunds.set(id, r);
        setTimeout(() => {
          r.status = "PAID";
          r.paymentReference = randomBytes(16).toString("hex").toUpperCase();
          r.datePaid = new Date().toISOString();
          void callBack(r.callbackUrl, r.callbackIdentifier, r);
        }, delayMs).unref();
        return send(201, undefined, { location: `/swish-cpcapi/api/v1/refunds/${id}` });
      }
      if (kind === "refunds" && req.method === "GET" && version === "v1") {
        const r = refunds.get(id);
        return r ? send(200, r) : send(404);
      }
      return send(405);
    });
  };
  return { listener, payments, refunds, callbacks };
}

export const SWISH_STAND_IN: StandIn = {
  name: "swish",
  listener: () => swishSimulator().listener,
  env: (baseUrl) => ({
    PAYMENTS: "swish",
    SWISH_URL: `${baseUrl}/swish-cpcapi`,
    SWISH_QR_URL: `${baseUrl}/qrg-swish`,
    SWISH_PAYEE_ALIAS: SWISH_TEST_PAYEE,
  }),
};
