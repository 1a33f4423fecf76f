import { env } from "~/env.server";

/**
 * SMS through a provider adapter (decision 079). One adapter today: an HTTP gateway speaking
 * 46elks' published API (POST {url}, basic auth, form-encoded from/to/message; 200 with the
 * created SMS as JSON, 4xx/5xx with a plain-text reason). A local stand-in speaks the same
 * format in tests and demo mode (tests/stand-ins/elks46.mjs).
 */
export interface SmsGateway {
  send(sms: { to: string; message: string }): Promise<{ id: string }>;
}

export class SmsRejected extends Error {}

export function elks46Gateway(config: {
  url: string;
  user: string;
  password: string;
  from: string;
  fetchImpl?: typeof fetch;
}): SmsGateway {
  const authorization = `Basic ${Buffer.from(`${config.user}:${config.password}`).toString("base64")}`;
  return {
    async send({ to, message }) {
      const response = await (config.fetchImpl ?? fetch)(config.url, {
        method: "POST",
        headers: { Authorization: authorization, "Content-Type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ from: config.from, to, message }).toString(),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      if (!response.ok) throw new SmsRejected(`gateway answered ${response.status}: ${text.slice(0, 200)}`);
      const body = JSON.parse(text) as { id?: unknown; status?: unknown };
      if (typeof body.id !== "string") throw new SmsRejected("gateway answered without an id");
      return { id: body.id };
    },
  };
}

/** The configured gateway, or null with SMS_GATEWAY=off. */
export function smsGateway(): SmsGateway | null {
  const e = env();
  if (e.SMS_GATEWAY !== "46elks" || !e.SMS_GATEWAY_USER || !e.SMS_GATEWAY_PASSWORD) return null;
  return elks46Gateway({
    url: e.SMS_GATEWAY_URL,
    user: e.SMS_GATEWAY_USER,
    password: e.SMS_GATEWAY_PASSWORD,
    from: e.SMS_FROM,
  });
}

/**
 * A Swedish mobile number (07x, +467x or 00467x, with spaces or dashes) in E.164 (+467xxxxxxxx),
 * or null. Mobile series: 070, 072, 073, 076, 079 (PTS' numbering plan); checked character by
 * character, with no regular expression over the input.
 */
export function swedishMobile(input: string): string | null {
  const raw = input.slice(0, 30);
  let digits = "";
  for (const [i, ch] of [...raw].entries()) {
    if (ch >= "0" && ch <= "9") digits += ch;
    else if (ch === "+" && i === 0) digits += "+";
    else if (ch !== " " && ch !== "-") return null;
  }
  let national: string;
  if (digits.startsWith("+46")) national = digits.slice(3);
  else if (digits.startsWith("0046")) national = digits.slice(4);
  else if (digits.startsWith("0")) national = digits.slice(1);
  else return null;
  if (national.length !== 9 || !["70", "72", "73", "76", "79"].includes(national.slice(0, 2))) return null;
  return `+46${national}`;
}
