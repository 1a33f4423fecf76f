import { createCookie, redirect } from "@remix-run/node";
import type { RequestHead } from "~/utils/request-head";
import { env } from "~/env.server";

/**
 * One-shot messages after POST-redirect-GET ("Du är utloggad"). A signed cookie holds an
 * i18n key (auth namespace or "ns:key"); the root loader reads and clears it, and the layout
 * shows it in a role="status" region.
 */
let cookie: ReturnType<typeof createCookie> | undefined;
function flashCookie() {
  cookie ??= createCookie("flash", {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env().PORTAL_ENV === "production",
    maxAge: 60,
    secrets: [env().SESSION_SECRET],
  });
  return cookie;
}

export interface Flash {
  key: string;
  values?: Record<string, string | number>;
}

export async function flashCookieHeader(messageKey: string, values?: Flash["values"]): Promise<string> {
  return flashCookie().serialize({ key: messageKey, values } satisfies Flash);
}

export async function redirectWithFlash(
  url: string,
  messageKey: string,
  init: ResponseInit & { values?: Flash["values"] } = {},
) {
  const headers = new Headers(init.headers);
  headers.append("Set-Cookie", await flashCookieHeader(messageKey, init.values));
  return redirect(url, { ...init, headers });
}

/** Reads the flash (if any) and the Set-Cookie header that clears it. */
export async function readFlash(request: RequestHead): Promise<{ flash: Flash | null; clear: string | null }> {
  const value = (await flashCookie().parse(request.headers.get("Cookie"))) as Flash | null;
  if (!value || typeof value.key !== "string") return { flash: null, clear: null };
  return { flash: value, clear: await flashCookie().serialize("", { maxAge: 0, expires: new Date(0) }) };
}
