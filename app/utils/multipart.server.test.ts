import { MaxPartSizeExceededError } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import {
  MAX_TEXT_PART_BYTES,
  MAX_URLENCODED_BYTES,
  parseMultipart,
  partLimits,
  readPost,
  requestWithReadBody,
} from "./multipart.server";

const BOUNDARY = "----portal-test-boundary";
const TYPE = `multipart/form-data; boundary=${BOUNDARY}`;

/** A multipart body written out by hand, as a browser sends it. */
function body(parts: { name: string; filename?: string; type?: string; content: string | Uint8Array }[]): ArrayBuffer {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename === undefined ? "" : `; filename="${p.filename}"`}`;
    const head = [
      `--${BOUNDARY}`,
      `Content-Disposition: ${disposition}`,
      ...(p.type ? [`Content-Type: ${p.type}`] : []),
    ];
    chunks.push(Buffer.from(`${head.join("\r\n")}\r\n\r\n`), Buffer.from(p.content), Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  const all = Buffer.concat(chunks);
  return all.buffer.slice(all.byteOffset, all.byteOffset + all.byteLength) as ArrayBuffer;
}

const limits = partLimits(10 * 1024 * 1024);

describe("parseMultipart", () => {
  it("reads text parts as UTF-8 strings and file parts as files with their type, in order", async () => {
    const form = await parseMultipart(
      body([
        { name: "beskrivning", content: "Gatlampan på Storgatan 3 är trasig 💡" },
        { name: "ritning", filename: "plan.pdf", type: "application/pdf", content: "%PDF-1.4\n" },
        { name: "beskrivning", content: "andra" },
      ]),
      TYPE,
      limits,
    );
    expect([...form.keys()]).toEqual(["beskrivning", "ritning", "beskrivning"]);
    expect(form.getAll("beskrivning")).toEqual(["Gatlampan på Storgatan 3 är trasig 💡", "andra"]);
    const file = form.get("ritning") as File;
    expect(file.name).toBe("plan.pdf");
    expect(file.type).toBe("application/pdf");
    expect(await file.text()).toBe("%PDF-1.4\n");
  });

  it("keeps an empty file input as an empty, nameless file, and a file's name without the sender's path", async () => {
    const form = await parseMultipart(
      body([
        { name: "bilaga", filename: "", type: "application/octet-stream", content: "" },
        { name: "windows", filename: "C:\\Users\\anna\\ritning 1.pdf", type: "application/pdf", content: "%PDF" },
        { name: "unix", filename: "hem/anna/foto.jpg", type: "image/jpeg", content: "x" },
      ]),
      TYPE,
      limits,
    );
    const empty = form.get("bilaga") as File;
    expect([typeof empty, empty.name, empty.size]).toEqual(["object", "", 0]);
    expect((form.get("windows") as File).name).toBe("ritning 1.pdf");
    expect((form.get("windows") as File).type).toBe("application/pdf");
    expect((form.get("unix") as File).name).toBe("foto.jpg");
  });

  it("reads a 3 MB file with 150,000 CRLF line endings (Remix's parser overflowed its stack on it)", async () => {
    const pdf = `%PDF-1.4\r\n${"0000000000 00000 n\r\n".repeat(150_000)}%%EOF\r\n`;
    const form = await parseMultipart(
      body([{ name: "ritning", filename: "plan.pdf", type: "application/pdf", content: pdf }]),
      TYPE,
      limits,
    );
    const file = form.get("ritning") as File;
    expect(file.size).toBe(Buffer.byteLength(pdf));
    expect(await file.text()).toBe(pdf);
  });

  it("reads text parts made of CRLFs and boundary-like dashes byte for byte", async () => {
    const crlf = "\r\n ".repeat(20_000);
    const dashes = `\r\n--${BOUNDARY.slice(0, -1)}`.repeat(1_000);
    const form = await parseMultipart(
      body([
        { name: "a", content: crlf },
        { name: "b", content: dashes },
      ]),
      TYPE,
      limits,
    );
    expect(form.get("a")).toBe(crlf);
    expect(form.get("b")).toBe(dashes);
  });

  it("names the field of a text part or a file part over its limit", async () => {
    const overText = parseMultipart(body([{ name: "meddelande", content: "å".repeat(40_000) }]), TYPE, limits);
    await expect(overText).rejects.toBeInstanceOf(MaxPartSizeExceededError);
    await expect(overText).rejects.toMatchObject({ field: "meddelande", maxBytes: MAX_TEXT_PART_BYTES });
    const overFile = parseMultipart(
      body([{ name: "foto", filename: "f.jpg", type: "image/jpeg", content: new Uint8Array(1001) }]),
      TYPE,
      partLimits(1000),
    );
    await expect(overFile).rejects.toMatchObject({ field: "foto", maxBytes: 1000 });
    // At the limit is allowed.
    const atLimit = await parseMultipart(
      body([{ name: "foto", filename: "f.jpg", type: "image/jpeg", content: new Uint8Array(1000) }]),
      TYPE,
      partLimits(1000),
    );
    expect((atLimit.get("foto") as File).size).toBe(1000);
  });

  it("refuses a body that is not multipart, a body without its end and a type without a boundary", async () => {
    const encoded = new TextEncoder().encode("a=1&b=2");
    await expect(
      parseMultipart(encoded.buffer as ArrayBuffer, "application/x-www-form-urlencoded", limits),
    ).rejects.toThrow();
    const cut = body([{ name: "a", content: "x" }]).slice(0, 40);
    await expect(parseMultipart(cut, TYPE, limits)).rejects.toThrow();
    await expect(parseMultipart(body([{ name: "a", content: "x" }]), "multipart/form-data", limits)).rejects.toThrow();
  });
});

describe("readPost on multipart", () => {
  const post = (b: ArrayBuffer, type = TYPE) =>
    new Request("http://localhost/blanketter/x/steg", { method: "POST", headers: { "Content-Type": type }, body: b });

  it("answers 413 naming the field for a part over the limit, 400 for a malformed body", async () => {
    expect(await readPost(post(body([{ name: "beskrivning", content: "x".repeat(70_000) }])), 1_000_000)).toEqual({
      ok: false,
      status: 413,
      field: "beskrivning",
      code: "tooLarge",
      maxBytes: MAX_TEXT_PART_BYTES,
    });
    expect(await readPost(post(new TextEncoder().encode("garbage").buffer as ArrayBuffer), 1_000)).toMatchObject({
      ok: false,
      status: 400,
      code: "malformed",
    });
  });

  it("reads a valid post", async () => {
    const read = await readPost(post(body([{ name: "namn", content: "Åsa Öberg" }])), 1_000);
    expect(read.ok && read.formData.get("namn")).toBe("Åsa Öberg");
  });
});

describe("readPost on a body the server already read (decision 152)", () => {
  const url = "http://localhost/blanketter/x/steg";
  const bytes = (text: string) => {
    const b = Buffer.from(text, "utf8");
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  };
  const streamed = (type: string, b: ArrayBuffer) =>
    new Request(url, {
      method: "POST",
      headers: { "Content-Type": type, "Content-Length": String(b.byteLength) },
      body: b,
    });
  const ahead = (type: string, b: ArrayBuffer) =>
    requestWithReadBody(url, new Headers({ "Content-Type": type, "Content-Length": String(b.byteLength) }), b);
  const entries = (read: Awaited<ReturnType<typeof readPost>>) =>
    read.ok
      ? [...read.formData.entries()].map(([k, v]) => [k, typeof v === "string" ? v : `file:${v.name}:${v.size}`])
      : read;

  it("reads a multipart and a url-encoded body as from the request's stream, without reading the stream", async () => {
    const multipart = body([
      { name: "namn", content: "Åsa Öberg" },
      { name: "foto", filename: "a.jpg", type: "image/jpeg", content: new Uint8Array([0xff, 0xd8, 0xff, 1, 2]) },
    ]);
    const urlencoded = bytes("namn=%C3%85sa+%C3%96berg&_action=continue&tom=");
    for (const [type, b] of [
      [TYPE, multipart],
      ["application/x-www-form-urlencoded", urlencoded],
    ] as const) {
      const request = ahead(type, b);
      // A RequestHead: no stream to read, the body travels beside it (decision 191).
      expect(request).not.toBeInstanceOf(Request);
      expect("body" in request).toBe(false);
      const read = await readPost(request, 1_000);
      expect(read.ok).toBe(true);
      expect(entries(read)).toEqual(entries(await readPost(streamed(type, b), 1_000)));
    }
  });

  it("answers as the stream's reading does: a part over its limit, a url-encoded body over its limit", async () => {
    const big = body([{ name: "beskrivning", content: "x".repeat(70_000) }]);
    expect(await readPost(ahead(TYPE, big), 1_000_000)).toEqual(await readPost(streamed(TYPE, big), 1_000_000));
    const tooMuch = bytes(`a=${"x".repeat(MAX_URLENCODED_BYTES)}`);
    const type = "application/x-www-form-urlencoded";
    const refused = { ok: false, status: 413, field: null, code: "tooLarge", maxBytes: MAX_URLENCODED_BYTES };
    expect(await readPost(ahead(type, tooMuch), 1_000)).toEqual(refused);
    expect(await readPost(streamed(type, tooMuch), 1_000)).toEqual(refused);
  });
});
