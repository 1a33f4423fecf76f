// `npm test` must leave the work tree as it found it (issue 17, decision 054): every file a step
// writes belongs in an ignored directory (build/, tests/.tmp/, test-results/, data/).
import { spawnSync } from "node:child_process";

/**
 * `git status --porcelain` (untracked files included) of the checkout at `cwd`, or null when
 * `cwd` is not a git checkout or git is missing (an unpacked release tarball).
 * @param {string} [cwd]
 * @returns {string | null}
 */
export function gitStatus(cwd = process.cwd()) {
  const result = spawnSync("git", ["status", "--porcelain", "--untracked-files=all"], { cwd, encoding: "utf8" });
  return result.error || result.status !== 0 ? null : result.stdout;
}

/**
 * Compares the work tree before and after the test run.
 * A clean tree must stay clean. A tree with local edits must show the same status lines after
 * (a developer's uncommitted work is not the test run's fault, but a new file is).
 * @param {string | null} before
 * @param {string | null} after
 * @returns {{ level: "ok" | "warn" | "fail", message: string }}
 */
export function workTreeVerdict(before, after) {
  if (before === null || after === null)
    return { level: "warn", message: "work tree check: not a git checkout (or git is missing); skipped" };
  if (after !== before)
    return {
      level: "fail",
      message: `work tree check: npm test changed the work tree (write generated files under an ignored directory):\n${after}`,
    };
  return before === ""
    ? { level: "ok", message: "work tree check: npm test left the work tree clean" }
    : { level: "ok", message: "work tree check: unchanged (the tree had local edits before the run)" };
}
