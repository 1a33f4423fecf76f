// THE FLOOR: a bare node:http server in its own process that serves the very bytes (status line,
// header lines and body) the portal sent, with no framework, no routing, no database. The benchmark measures it
// alternately with the portal; portal/floor is the figure that survives a noisy machine.
// usage: node floor-server.mjs <pages.json> <port>
//   pages.json: { "/path?q": { status, headers: [name, value, …], body (base64) } }: the portal's
//   answer as autocannon got it, its header lines included (decision 176); node:http adds Date,
//   Connection and Keep-Alive.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const [file, port] = process.argv.slice(2);
const pages = new Map(
  Object.entries(JSON.parse(readFileSync(file, "utf8"))).map(([k, v]) => [
    k,
    { status: v.status, headers: v.headers, body: Buffer.from(v.body, "base64") },
  ]),
);
const server = createServer((req, res) => {
  const page = pages.get(req.url);
  if (!page) {
    res.writeHead(404, { "content-type": "text/plain" });
    return res.end("not found");
  }
  res.writeHead(page.status, page.headers);
  res.end(page.body);
});
server.keepAliveTimeout = 10_000;
server.listen(Number(port), "127.0.0.1", () => console.log("floor listening"));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
