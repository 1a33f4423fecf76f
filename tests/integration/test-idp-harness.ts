import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { createTestIdentityProvider } from "~/auth/test-idp.server";
import { prepareDatabase } from "~/db.server";
import { resetEnvForTests } from "~/env.server";

/**
 * The local test identity provider on a real port, for tests that walk the OpenID Connect sign
 * flow over HTTP (e-ID signatures, owner consent, engine forms). PUBLIC_URL points at it, so the
 * provider's issuer and the portal's callback agree; the database is prepared before the
 * provider is built (it reads the test people).
 */
export async function startTestIdp() {
  const app = express();
  let router: express.Router | null = null;
  app.use("/test-idp", (req, res, next) => (router ? router(req, res, next) : next()));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, resolve));
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  process.env.PUBLIC_URL = base;
  process.env.TEST_IDP = "on";
  resetEnvForTests();
  prepareDatabase();
  router = createTestIdentityProvider()!.router;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The name=value part of a Set-Cookie header. */
export const cookiePair = (setCookie: string) => setCookie.split(";")[0]!;

/** A browser's cookie jar over fetch: follows no redirect, sends and keeps cookies. */
export function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: "manual",
      headers: { ...(init.headers ?? {}), Cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") },
    });
    for (const c of res.headers.getSetCookie()) {
      const [name, ...rest] = cookiePair(c).split("=");
      jar.set(name!, rest.join("="));
    }
    return res;
  };
}

/** A form post as a browser sends it. */
export const formPost = (fields: Record<string, string>) => ({
  method: "POST",
  body: new URLSearchParams(fields).toString(),
  headers: { "Content-Type": "application/x-www-form-urlencoded" },
});

/**
 * Follows a signing start (`url`, answered by a redirect to the provider) as a person would: logs
 * in at the test provider as `as`, signs, and returns the portal's callback URL.
 */
export async function signAtTestIdp(base: string, url: string, as: string) {
  const go = browser();
  let location = (await go(url)).headers.get("location")!;
  const uid = () => /\/interaction\/([^/?]+)/.exec(location)![1];
  location = (await go(`${base}/test-idp/interaction/${uid()}/login`, formPost({ personnummer: as }))).headers.get(
    "location",
  )!;
  for (let hops = 0; hops < 6 && !location.includes("/signera/callback"); hops++) {
    const res = await go(new URL(location, base).href);
    if (res.status === 200)
      location = (await go(`${base}/test-idp/interaction/${uid()}/sign`, formPost({}))).headers.get("location")!;
    else location = res.headers.get("location")!;
  }
  return new URL(location, base).href;
}
