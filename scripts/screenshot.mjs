#!/usr/bin/env node
// Take full-page screenshots of portal pages in Chromium, to look at them as a person would.
// Usage: node scripts/screenshot.mjs <base-url> <out-dir> <path> [<path>…] [--width=320] [--no-js] [--lang=en]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "@playwright/test";
import { chromiumArgs, chromiumPath } from "./chromium.mjs";

const args = process.argv.slice(2);
const flags = Object.fromEntries(args.filter((a) => a.startsWith("--")).map((a) => a.slice(2).split("=")));
const [base, outDir, ...paths] = args.filter((a) => !a.startsWith("--"));
if (!base || !outDir || paths.length === 0) {
  console.error("usage: node scripts/screenshot.mjs <base-url> <out-dir> <path>… [--width=320] [--no-js] [--lang=en]");
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
const context = await browser.newContext({
  viewport: { width: Number(flags.width ?? 1280), height: 900 },
  javaScriptEnabled: !("no-js" in flags),
});
const page = await context.newPage();
for (const path of paths) {
  const url = new URL(path, base);
  if (flags.lang) url.searchParams.set("lang", flags.lang);
  await page.goto(url.href);
  const name = `${path.replace(/[^a-z0-9]+/gi, "_").replace(/^_|_$/g, "") || "home"}-${flags.width ?? 1280}${flags.lang ? `-${flags.lang}` : ""}${"no-js" in flags ? "-nojs" : ""}.png`;
  await page.screenshot({ path: join(outDir, name), fullPage: true });
  console.log(join(outDir, name));
}
await browser.close();
