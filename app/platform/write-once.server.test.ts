import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeOnce } from "./write-once.server";

describe("writeOnce (decision 174)", () => {
  it("the first writer's content stays; a second is refused and leaves no file behind", () => {
    const dir = mkdtempSync(join(tmpdir(), "write-once-"));
    const file = join(dir, ".session-secret");
    expect(writeOnce(file, "first")).toBe(true);
    expect(writeOnce(file, "second")).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("first");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual([".session-secret"]);
  });

  it("a file that exists, even empty, is never replaced", () => {
    const dir = mkdtempSync(join(tmpdir(), "write-once-"));
    const file = join(dir, "key");
    writeOnce(file, "");
    expect(writeOnce(file, "late")).toBe(false);
    expect(readFileSync(file, "utf8")).toBe("");
  });
});
