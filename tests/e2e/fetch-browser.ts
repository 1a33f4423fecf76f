// Shared by the template specs (decisions 125, 145).

/** The smallest JPEG a photo field accepts. */
export const JPEG = Buffer.from(
  "ffd8ffe000104a46494600010100000100010000ffdb004300" +
    "08".repeat(64) +
    "ffc0000b080001000101011100ffc4001f0000010501010101010100000000000000000102030405060708090a0bffda0008010100003f00d2cf20ffd9",
  "hex",
);

/** A browser without JavaScript, by fetch: its cookies are kept here and sent as one header. */
export function browser(baseURL: string, lang: string) {
  const jar = new Map<string, string>([["lang", lang]]);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const keep = (r: Response) => {
    for (const c of r.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair!.indexOf("=");
      jar.set(pair!.slice(0, i), pair!.slice(i + 1));
    }
    return r;
  };
  return {
    get: async (path: string, extra = "") =>
      keep(await fetch(baseURL + path, { headers: { cookie: cookie() + extra }, redirect: "manual" })),
    post: async (path: string, body: FormData) =>
      keep(
        await fetch(baseURL + path, {
          method: "POST",
          body,
          headers: { cookie: cookie(), origin: baseURL },
          redirect: "manual",
        }),
      ),
  };
}
