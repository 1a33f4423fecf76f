import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { checkLockfile, writeSbom } from "../../scripts/supply-chain.mjs";

/**
 * The pipeline's supply-chain step (ASVS 1.14.3, 14.1.1, 14.2.1, 14.2.5; decision 048), run in
 * `npm test`: the lock file pins every package by hash to the registry, and an SBOM of the
 * production dependencies is produced from it, offline.
 */
const ROOT = resolve(__dirname, "../..");
type Check = (lock: unknown) => string[];
const check = checkLockfile as Check;

describe("supply chain", () => {
  it("every package in package-lock.json has a sha512 integrity hash and comes from the npm registry", () => {
    const lock = JSON.parse(readFileSync(resolve(ROOT, "package-lock.json"), "utf8")) as unknown;
    expect(check(lock)).toEqual([]);
  });

  it("refuses git, file and http dependencies and packages without a hash", () => {
    const lock = {
      packages: {
        "": { name: "x" },
        "node_modules/ok": {
          version: "1.0.0",
          resolved: "https://registry.npmjs.org/ok/-/ok-1.0.0.tgz",
          integrity: "sha512-abc",
        },
        "node_modules/nohash": { version: "1.0.0" },
        "node_modules/fromgit": { version: "git+ssh://git@github.com/a/b.git#abc", integrity: "sha512-abc" },
        "node_modules/elsewhere": { version: "1.0.0", resolved: "http://evil.example/e.tgz", integrity: "sha512-abc" },
        "node_modules/local": { link: true, resolved: "../local" },
      },
    };
    const problems = check(lock);
    expect(problems).toHaveLength(4);
    expect(problems.join("\n")).toMatch(/nohash.*integrity/);
    expect(problems.join("\n")).toMatch(/fromgit/);
    expect(problems.join("\n")).toMatch(/elsewhere.*http:\/\/evil/);
    expect(problems.join("\n")).toMatch(/local.*link/);
  });

  it("writes a CycloneDX SBOM with every production dependency as required and build tools as optional, offline", () => {
    const { sbom } = writeSbom(resolve(ROOT, "tests/.tmp/sbom.cdx.json")) as {
      sbom: { bomFormat: string; components: { name: string; scope?: string }[] };
    };
    expect(sbom.bomFormat).toBe("CycloneDX");
    // A name can occur in several versions; the one a dependency ships with is "required".
    const required = new Set(sbom.components.filter((c) => c.scope === "required").map((c) => c.name));
    const pkg = JSON.parse(readFileSync(resolve(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const name of Object.keys(pkg.dependencies)) expect([name, required.has(name)]).toEqual([name, true]);
    // Development-only tools are listed (they build what ships) but marked as not shipped.
    expect(sbom.components.find((c) => c.name === "vitest")?.scope).toBe("optional");
  });
});
