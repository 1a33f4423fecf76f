// The lint rules decision 051 names as defects are errors in the real config (eslint.config.js),
// not only on paper: a probe module with one instance of each must fail, and the same module
// written correctly must pass. The probe lives outside tsconfig's files (test-results/ is
// excluded) and is type-checked in a project of its own, so the test does not build the
// whole portal's program.
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

const probePath = "test-results/lint-probe.ts";

const faulty = `
async function save(): Promise<number> {
  return 1;
}
export function handler(value: any): void {
  save();
  [1, 2].forEach(async () => {
    await save();
  });
  void value;
}
`;

const correct = `
async function save(): Promise<number> {
  return 1;
}
export async function handler(value: unknown): Promise<void> {
  await save();
  for (const _n of [1, 2]) await save();
  void value;
}
`;

describe("lint rules (decision 051)", () => {
  const eslint = new ESLint({
    cwd: process.cwd(),
    ignore: false,
    overrideConfig: {
      files: [probePath],
      languageOptions: { parserOptions: { projectService: { allowDefaultProject: [probePath] } } },
    },
  });

  it("a floating promise, a promise where a void callback is expected and an `any` are errors", async () => {
    const [result] = await eslint.lintText(faulty, { filePath: probePath });
    const errors = (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId);
    expect(errors).toEqual(
      expect.arrayContaining([
        "@typescript-eslint/no-floating-promises",
        "@typescript-eslint/no-misused-promises",
        "@typescript-eslint/no-explicit-any",
      ]),
    );
  }, 180_000);

  it("the same module with the promises awaited and no `any` passes", async () => {
    const [result] = await eslint.lintText(correct, { filePath: probePath });
    expect(result?.messages ?? []).toEqual([]);
  }, 180_000);
});
