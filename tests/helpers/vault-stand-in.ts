/**
 * A local stand-in for HashiCorp Vault's Transit secrets engine (docs/decisions/050), on
 * 127.0.0.1 only: `POST /v1/transit/encrypt/:name` `{"plaintext":"<base64>"}` →
 * `{"data":{"ciphertext":"vault:v1:…"}}` and `POST /v1/transit/decrypt/:name`
 * `{"ciphertext":"vault:v1:…"}` → `{"data":{"plaintext":"<base64>"}}`, authenticated by the
 * `X-Vault-Token` header: 403 for a wrong token, 400 for a malformed ciphertext, as Vault does.
 * Its master key (AES-256-GCM) never leaves this object, like Vault's.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface VaultStandIn {
  url: string;
  token: string;
  keyName: string;
  /** Requests received, by path. */
  requests: string[];
  /** Wraps a data key as Vault would (for DATA_ENCRYPTION_KEY_WRAPPED). */
  wrap(key: Buffer): string;
  close(): Promise<void>;
}

export async function startVaultStandIn(
  options: { token?: string; keyName?: string; status?: number } = {},
): Promise<VaultStandIn> {
  const token = options.token ?? `hvs.${randomBytes(18).toString("base64url")}`;
  const keyName = options.keyName ?? "portal-data-keys";
  const master = randomBytes(32);
  const requests: string[] = [];
  const wrap = (plain: Buffer) => {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", master, iv);
    const ct = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return `vault:v1:${Buffer.concat([iv, ct]).toString("base64")}`;
  };
  const unwrap = (ciphertext: string): Buffer | null => {
    if (!ciphertext.startsWith("vault:v1:")) return null;
    const raw = Buffer.from(ciphertext.slice("vault:v1:".length), "base64");
    if (raw.length < 12 + 16) return null;
    try {
      const decipher = createDecipheriv("aes-256-gcm", master, raw.subarray(0, 12), { authTagLength: 16 });
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]);
    } catch {
      return null;
    }
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push(req.url ?? "");
      const send = (status: number, body: unknown) => {
        res.writeHead(status, { "Content-Type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (options.status) return send(options.status, { errors: ["stand-in failure"] });
      if (req.headers["x-vault-token"] !== token) return send(403, { errors: ["permission denied"] });
      let body: { plaintext?: unknown; ciphertext?: unknown };
      try {
        body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return send(400, { errors: ["failed to parse JSON input"] });
      }
      if (req.method === "POST" && req.url === `/v1/transit/encrypt/${keyName}` && typeof body.plaintext === "string") {
        return send(200, { data: { ciphertext: wrap(Buffer.from(body.plaintext, "base64")), key_version: 1 } });
      }
      if (
        req.method === "POST" &&
        req.url === `/v1/transit/decrypt/${keyName}` &&
        typeof body.ciphertext === "string"
      ) {
        const plain = unwrap(body.ciphertext);
        if (!plain) return send(400, { errors: ["invalid ciphertext: unable to decrypt"] });
        return send(200, { data: { plaintext: plain.toString("base64") } });
      }
      send(400, { errors: ["unsupported path or input"] });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    keyName,
    requests,
    wrap,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
