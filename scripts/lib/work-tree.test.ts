import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gitStatus, workTreeVerdict } from "./work-tree.mjs";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "work-tree-"));
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  writeFileSync(join(dir, ".gitignore"), "build/\n");
  writeFileSync(join(dir, "tracked.json"), "{}\n");
  git("add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@example.invalid", "commit", "-q", "-m", "start");
  return dir;
}

describe("the work tree check at the end of npm test", () => {
  it("passes when the run wrote only into ignored directories", () => {
    const dir = repo();
    const before = gitStatus(dir);
    execFileSync("mkdir", ["-p", join(dir, "build")]);
    writeFileSync(join(dir, "build", "a11y-results.json"), "{}\n");
    expect(workTreeVerdict(before, gitStatus(dir)).level).toBe("ok");
  });

  it("fails when the run rewrote a tracked file", () => {
    const dir = repo();
    const before = gitStatus(dir);
    writeFileSync(join(dir, "tracked.json"), '{"date":"2026-12-03"}\n');
    const verdict = workTreeVerdict(before, gitStatus(dir));
    expect(verdict.level).toBe("fail");
    expect(verdict.message).toContain("tracked.json");
  });

  it("fails when the run left a new untracked file, even in a tree with local edits", () => {
    const dir = repo();
    writeFileSync(join(dir, "tracked.json"), '{"edited":true}\n');
    const before = gitStatus(dir);
    writeFileSync(join(dir, "leftover.log"), "x\n");
    expect(workTreeVerdict(before, gitStatus(dir)).level).toBe("fail");
  });

  it("only warns outside a git checkout", () => {
    const dir = mkdtempSync(join(tmpdir(), "not-git-"));
    expect(gitStatus(dir)).toBeNull();
    expect(workTreeVerdict(null, null).level).toBe("warn");
  });
});
