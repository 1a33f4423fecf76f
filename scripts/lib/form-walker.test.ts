import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitForm } from "./form-walker.mjs";

/** A check page that sends by an e-ID signature (decision 098) has a link to the provider, no send button. */
let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    if (req.url === "/signed")
      res.end('<main><h1>Kontrollera</h1><a class="button" id="submit-sign" href="/x/signera">Skriv under</a></main>');
    else res.end("<main><h1>Nothing to post</h1></main>");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("the form walker on a page without a POST form", () => {
  it("reports a form that is sent by signing as needing e-ID signing, and any other as no form", async () => {
    expect(await submitForm(`${base}/signed`)).toMatchObject({
      ok: false,
      needsSigning: true,
      error: expect.stringContaining("e-ID"),
    });
    expect(await submitForm(`${base}/plain`)).toMatchObject({
      ok: false,
      needsSigning: false,
      error: "no POST form on the page",
    });
  });
});
