#!/usr/bin/env node
// Supply-chain checks (ASVS 1.14.3, 14.1.1, 14.2.1, 14.2.5; docs/decisions/048), offline, fast:
//   1. package-lock.json: every installed package is pinned by a sha512 `integrity` hash and
//      comes from the npm registry — no git, http, file or tarball-URL dependencies, which
//      `npm ci` would fetch without a hash it can check.
//   2. an SBOM (CycloneDX 1.5) of every package in the lock file with `npm sbom`, written to
//      tests/.tmp/sbom.cdx.json (not tracked; CI keeps it as an artefact). Production packages
//      have scope "required", build/test tools "optional" (cdx:npm:package:development). Not
//      `--omit dev`: npm 11.19 then drops direct dependencies that are also peers of dev tools
//      (react, express, @remix-run/node), so that SBOM would be incomplete (decision 048).
// `node scripts/supply-chain.mjs` runs both; tests/integration/supply-chain.test.ts runs them
// inside `npm test`. Known vulnerabilities need the registry's audit endpoint: `npm run audit`
// (docs/operations.md), in CI when CI_AUDIT=1 — never in the offline test run.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const REGISTRY = "https://registry.npmjs.org/";

/** Problems in a parsed package-lock.json (lockfileVersion 2/3), one line each; [] when sound. */
export function checkLockfile(lock) {
  const problems = [];
  if (!lock || typeof lock !== "object" || !lock.packages)
    return ["package-lock.json has no `packages` (lockfileVersion 2 or 3 needed)"];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === "") continue; // the project itself
    if (entry.link) {
      problems.push(`${path}: is a link to ${entry.resolved} (local packages are not allowed)`);
      continue;
    }
    if (typeof entry.integrity !== "string" || !entry.integrity.startsWith("sha512-"))
      problems.push(`${path}: no sha512 integrity hash`);
    if (entry.resolved !== undefined && !String(entry.resolved).startsWith(REGISTRY))
      problems.push(`${path}: resolved from ${entry.resolved}, not ${REGISTRY}`);
    const version = String(entry.version ?? "");
    if (/^(git|git\+|github:|file:|http:|https:|link:)/.test(version))
      problems.push(`${path}: version ${version} is not a registry version`);
  }
  return problems;
}

/** Writes the CycloneDX SBOM of all dependencies (development ones marked); returns its path and component count. */
export function writeSbom(out = resolve(ROOT, "tests/.tmp/sbom.cdx.json")) {
  const text = execFileSync("npm", ["sbom", "--sbom-format", "cyclonedx", "--package-lock-only", "--offline"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const sbom = JSON.parse(text);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(sbom, null, 2)}\n`);
  return { path: out, components: Array.isArray(sbom.components) ? sbom.components.length : 0, sbom };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const problems = checkLockfile(JSON.parse(readFileSync(resolve(ROOT, "package-lock.json"), "utf8")));
  for (const p of problems) console.error(`supply-chain: ${p}`);
  const { path, components } = writeSbom();
  console.log(
    `supply-chain: lock file ${problems.length === 0 ? "ok" : `${problems.length} problem(s)`}; SBOM with ${components} components in ${path}`,
  );
  process.exit(problems.length === 0 ? 0 : 1);
}
