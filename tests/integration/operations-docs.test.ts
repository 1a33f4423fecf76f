import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { SECURITY_EVENTS } from "~/monitoring/security-events.server";

/**
 * The deployment files in docs/ops are real and agree with the portal (ASVS 1.2.1, 1.7.2, 1.14.1,
 * 1.14.4, 1.14.5, 9.1.2, 9.1.3, 9.2.4, 10.3.3; decision 048): the systemd unit passes
 * `systemd-analyze verify` and carries the sandbox, nginx's config passes `nginx -t` (when nginx
 * is installed; otherwise its directives are read) with Mozilla's intermediate TLS, and the
 * numbers (port, body size, data directory) match the portal's own.
 */
const ROOT = resolve(__dirname, "../..");
const read = (p: string) => readFileSync(resolve(ROOT, p), "utf8");
const UNIT = "docs/ops/dalsland-portal.service";
const NGINX = "docs/ops/nginx.conf";

/** `Key=value` lines of a unit's [Service] section, every value of repeated keys. */
function serviceSection(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let inService = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("[")) inService = line === "[Service]";
    if (!inService || line === "" || line.startsWith("#") || !line.includes("=")) continue;
    const at = line.indexOf("=");
    const key = line.slice(0, at);
    out.set(key, [...(out.get(key) ?? []), line.slice(at + 1)]);
  }
  return out;
}

/** nginx directives as "name args" strings without comments (a flat reading, enough for these checks). */
function directives(text: string): string[] {
  return text
    .split("\n")
    .map((l) => (l.includes("#") ? l.slice(0, l.indexOf("#")) : l).trim())
    .join(" ")
    .split(/[;{}]/)
    .map((d) => d.trim().split(" ").filter(Boolean).join(" "))
    .filter(Boolean);
}

// https://ssl-config.mozilla.org/ "intermediate", guidelines v5.7.
const MOZILLA_INTERMEDIATE =
  "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:DHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-GCM-SHA384:DHE-RSA-CHACHA20-POLY1305";

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;

describe("the systemd unit", () => {
  const unit = serviceSection(read(UNIT));
  const one = (k: string) => unit.get(k)?.join(" ");

  it("runs as its own low-privilege user in a strict sandbox with only DATA_DIR writable", () => {
    expect(one("User")).toBe("dalsland-portal");
    expect(one("User")).not.toBe("root");
    expect(one("ProtectSystem")).toBe("strict");
    expect(one("NoNewPrivileges")).toBe("true");
    expect(one("PrivateTmp")).toBe("true");
    expect(unit.get("CapabilityBoundingSet")).toEqual([""]);
    expect(one("RestrictAddressFamilies")).toBe("AF_UNIX AF_INET AF_INET6");
    expect(unit.get("SystemCallFilter")).toContain("@system-service");
    expect(one("MemoryMax")).toMatch(/^\d+[KMG]$/);
    const env = one("Environment") ?? "";
    const dataDir = /DATA_DIR=(\S+)/.exec(env)?.[1];
    expect(dataDir).toBeDefined();
    expect(one("ReadWritePaths")).toBe(dataDir);
    expect(env).toContain("PORTAL_ENV=production");
    expect(env).toContain("HOST=127.0.0.1");
    expect(env).toContain("TRUST_PROXY=1");
    expect(one("EnvironmentFile")).toMatch(/^\/etc\/dalsland-portal\//);
    expect(read("docs/operations.md")).toMatch(/portal\.env.*\*\*0600\*\*/);
    // Keys as encrypted credentials, read by app/env.server.ts from $CREDENTIALS_DIRECTORY.
    expect(unit.get("LoadCredentialEncrypted")?.some((v) => v.startsWith("DATA_ENCRYPTION_KEY:"))).toBe(true);
  });

  it("passes systemd-analyze verify, as does the backup timer", () => {
    if (!has("systemd-analyze") || !existsSync("/usr/bin/node")) return; // parsed above
    const files = [UNIT, "docs/ops/dalsland-portal-backup.service", "docs/ops/dalsland-portal-backup.timer"].map((f) =>
      resolve(ROOT, f),
    );
    const run = spawnSync("systemd-analyze", ["verify", ...files], { encoding: "utf8", cwd: tmpdir() });
    expect(run.status, run.stderr).toBe(0);
    // Unknown or misspelt keys are only warnings: treat them as failures.
    expect(run.stderr).not.toMatch(/Unknown key|Unknown section|Failed to parse|Invalid/);
  });

  it("backs up nightly with npm run backup", () => {
    const timer = read("docs/ops/dalsland-portal-backup.timer");
    expect(timer).toMatch(/^OnCalendar=\*-\*-\* \d\d:\d\d:00$/m);
    expect(timer).toMatch(/^Persistent=true$/m);
    expect(serviceSection(read("docs/ops/dalsland-portal-backup.service")).get("ExecStart")).toEqual([
      "/usr/bin/npm run backup",
    ]);
  });
});

describe("the nginx configuration", () => {
  const conf = read(NGINX);
  const d = directives(conf);

  it("allows TLS 1.2 and 1.3 only, with Mozilla's intermediate ciphers, OCSP stapling and HSTS", () => {
    expect(d).toContain("ssl_protocols TLSv1.2 TLSv1.3");
    expect(d).toContain(`ssl_ciphers ${MOZILLA_INTERMEDIATE}`);
    expect(d).toContain("ssl_stapling on");
    expect(d).toContain("ssl_stapling_verify on");
    expect(d.some((x) => x.startsWith("ssl_trusted_certificate "))).toBe(true);
    expect(
      d.some(
        (x) =>
          /^add_header Strict-Transport-Security "max-age=(\d+)/.test(x) &&
          Number(/max-age=(\d+)/.exec(x)![1]) >= 31536000,
      ),
    ).toBe(true);
    expect(d.filter((x) => x.startsWith("ssl_protocols"))).toHaveLength(1);
  });

  it("proxies to the portal's loopback port with X-Forwarded-For, the portal's body limit and timeouts, and hides /metrics", () => {
    const unitEnv = serviceSection(read(UNIT)).get("Environment")!.join(" ");
    const port = /PORT=(\d+)/.exec(unitEnv)?.[1];
    expect(d).toContain(`server 127.0.0.1:${port}`);
    expect(d).toContain("proxy_set_header X-Forwarded-For $remote_addr");
    // serve.mjs: MAX_BODY_BYTES defaults to 30 * 1024 * 1024.
    const serve = read("scripts/serve.mjs");
    const [, a, b, c] = /MAX_BODY_BYTES \?\? (\d+) \* (\d+) \* (\d+)\)/.exec(serve) ?? [];
    const maxBody = Number(a) * Number(b) * Number(c);
    const nginxMax = /client_max_body_size (\d+)m/.exec(d.join("\n"))?.[1];
    expect(Number(nginxMax) * 1024 * 1024).toBe(maxBody);
    for (const t of ["proxy_connect_timeout", "proxy_read_timeout", "proxy_send_timeout", "client_body_timeout"])
      expect(d.some((x) => x.startsWith(`${t} `))).toBe(true);
    expect(conf).toMatch(/location = \/metrics \{ return 404; \}/);
  });

  it("passes nginx -t (when nginx is installed)", () => {
    if (!has("nginx") || !has("openssl")) return; // the directives are checked above
    const dir = mkdtempSync(join(tmpdir(), "portal-nginx-"));
    execFileSync(
      "openssl",
      [
        "req",
        "-x509",
        "-newkey",
        "rsa:2048",
        "-nodes",
        "-keyout",
        join(dir, "key.pem"),
        "-out",
        join(dir, "cert.pem"),
        "-days",
        "1",
        "-subj",
        "/CN=test",
      ],
      { stdio: "ignore" },
    );
    const site = conf
      .replaceAll("/etc/letsencrypt/live/e-tjanster.dalsland.example.se/privkey.pem", join(dir, "key.pem"))
      .replaceAll("/etc/letsencrypt/live/e-tjanster.dalsland.example.se/fullchain.pem", join(dir, "cert.pem"))
      .replaceAll("/etc/letsencrypt/live/e-tjanster.dalsland.example.se/chain.pem", join(dir, "cert.pem"));
    writeFileSync(join(dir, "site.conf"), site);
    const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
      .map((n) => `${n}_temp_path ${join(dir, n)};`)
      .join(" ");
    writeFileSync(
      join(dir, "main.conf"),
      `pid ${join(dir, "nginx.pid")}; error_log ${join(dir, "error.log")}; events {} http { access_log off; ${temp} include ${join(dir, "site.conf")}; }\n`,
    );
    const run = spawnSync("nginx", ["-t", "-c", join(dir, "main.conf"), "-p", `${dir}/`], { encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain("test is successful");
  });
});

describe("the operations guide", () => {
  const doc = read("docs/operations.md");

  it("covers remote log shipping over TLS, DNS hygiene, backups and restore, key rotation, upgrades, segregation and audit", () => {
    expect(doc).toMatch(/systemd-journal-upload|systemd-journal-remote/);
    expect(doc).toMatch(/StreamDriverMode="1"/); // rsyslog with TLS
    expect(doc).toMatch(/dangling record/);
    expect(doc).toMatch(/CAA 0 issue/);
    expect(doc).toMatch(/npm run restore/);
    expect(doc).toMatch(/DATA_ENCRYPTION_KEY.*first/s);
    expect(doc).toMatch(/migrations run at start-up/);
    expect(doc).toMatch(/policy drop/);
    expect(doc).toMatch(/npm run audit/);
    for (const file of [
      "docs/ops/dalsland-portal.service",
      "docs/ops/nginx.conf",
      "docs/ops/alerts.yml",
      "docs/ops/dalsland-portal-backup.timer",
    ])
      expect(existsSync(resolve(ROOT, file))).toBe(true);
  });

  it("has an example Prometheus alert rule for every security event the portal counts", () => {
    const rules = read("docs/ops/alerts.yml");
    for (const name of SECURITY_EVENTS) expect(rules).toContain(`portal_security_events_total{event="${name}"}`);
  });

  it("CI runs npm audit when CI_AUDIT=1, and package.json has the audit script", () => {
    expect(read(".ci/run")).toMatch(/CI_AUDIT:-0\}" = "1" \]; then\n\s+npm run audit/);
    const pkg = JSON.parse(read("package.json")) as { scripts: Record<string, string> };
    expect(pkg.scripts.audit).toMatch(/^npm audit /);
  });
});

describe("the threat model", () => {
  it("has a STRIDE table for every trust boundary of the ASVS document, and CONTRIBUTING requires updating it", () => {
    const model = read("docs/security/threat-model.md");
    const asvs = read("docs/security/asvs-l2.md");
    const section = asvs.slice(
      asvs.indexOf("## Trust boundaries"),
      asvs.indexOf("\n## ", asvs.indexOf("## Trust boundaries") + 3),
    );
    // "- **Browser → portal**": the boundary names H listed.
    const boundaries = [...section.matchAll(/^- \*\*([^*]+)\*\*/gm)].map((m) => m[1]!.split(" → ")[0]!.trim());
    expect(boundaries.length).toBeGreaterThanOrEqual(4);
    const headings = model.split("\n").filter((l) => l.startsWith("## "));
    for (const b of boundaries) expect(headings.some((h) => h.includes(b))).toBe(true);
    for (const letter of ["S", "T", "R", "I", "D", "E"]) expect(model).toMatch(new RegExp(`^\\| ${letter}[ /|]`, "m"));
    expect(read("CONTRIBUTING.md")).toContain("updates `docs/security/threat-model.md` (STRIDE) in the same pull");
  });
});
