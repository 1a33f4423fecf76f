import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/**
 * The latest whole-site sweep (tests/e2e/sweep.spec.ts → scripts/a11y-report.mjs), read at run
 * time from build/a11y-results.json. The file is generated and untracked (decision 054): `npm test`
 * must leave the work tree clean, so the results live beside the build they were measured on,
 * not in app/. A fresh clone, or a build nobody has swept, has no file: the statement then says
 * the checks have not been run for this version instead of showing another version's numbers.
 */
export const A11Y_RESULTS_FILE = "build/a11y-results.json";

/**
 * Where tests/integration/pdf-ua.test.ts leaves its Matterhorn checks of every generated PDF
 * (decision 084); scripts/a11y-report.mjs adds their summary to the results file.
 */
export const PDF_UA_RESULTS_DIR = "tests/.tmp/pdf-ua";
export interface PdfUaCheck {
  checkpoint: string;
  ok: boolean;
  detail: string;
}

const A11yResultsSchema = z.object({
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  tool: z.string(),
  pages: z.number().int().nonnegative(),
  visits: z.number().int().nonnegative(),
  roles: z.array(z.string()),
  axeViolations: z.number().int().nonnegative(),
  serverErrors: z.number().int().nonnegative(),
  brokenLinks: z.number().int().nonnegative(),
  langErrors: z.number().int().nonnegative(),
  h1Errors: z.number().int().nonnegative(),
  /** The PDF/UA checks; absent when they have not run for this build. */
  pdf: z
    .object({
      documents: z.number().int().nonnegative(),
      checks: z.number().int().nonnegative(),
      checkpoints: z.number().int().nonnegative(),
      failures: z.array(z.object({ document: z.string(), checkpoint: z.string() })),
    })
    .optional(),
});
export type A11yResults = z.infer<typeof A11yResultsSchema>;

/** The sweep's results, or null when there is no (readable, well-formed) results file. */
export function getA11yResults(file: string = resolve(A11Y_RESULTS_FILE)): A11yResults | null {
  if (!existsSync(file)) return null;
  try {
    const parsed = A11yResultsSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
    return parsed.success && parsed.data.visits > 0 ? parsed.data : null;
  } catch {
    // A half-written or hand-edited file must not turn a public page into a 500.
    return null;
  }
}
