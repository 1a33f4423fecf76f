#!/usr/bin/env node
import { chromiumHelp, ensureChromium } from "./chromium.mjs";

if (!ensureChromium()) {
  console.error(chromiumHelp);
  process.exit(1);
}
