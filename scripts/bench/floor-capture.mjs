// What the floor sends (decision 176): a page's answer as autocannon gets it from the portal, a
// plain GET without Accept-Encoding: its status, its header lines and its body. The lines node:http
// writes itself (Date, Connection, Keep-Alive, Transfer-Encoding) are left out: floor-server.mjs
// lets node:http write them.
import { get } from "node:http";

const OWN_LINES = new Set(["date", "connection", "keep-alive", "transfer-encoding"]);

/**
 * The answer to one GET of `url` with `headers`, as a floor page: `{ status, headers: [name,
 * value, …], body }` (body as base64). With `bodyOnly`, status 200 and only the type and length
 * lines, as the floor was before decision 176.
 */
export function captureAnswer(url, headers = {}, { bodyOnly = false } = {}) {
  return new Promise((resolvePromise, reject) => {
    const req = get(url, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("error", reject);
      res.on("end", () => {
        const lines = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          const name = res.rawHeaders[i];
          if (!OWN_LINES.has(name.toLowerCase())) lines.push(name, res.rawHeaders[i + 1]);
        }
        const type = res.headers["content-type"] ?? "application/octet-stream";
        const body = Buffer.concat(chunks);
        resolvePromise({
          status: bodyOnly ? 200 : res.statusCode,
          headers: bodyOnly ? ["content-type", type, "content-length", String(body.length)] : lines,
          body: body.toString("base64"),
          bytes: body.length,
        });
      });
    });
    req.on("error", reject);
  });
}
