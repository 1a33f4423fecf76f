#!/usr/bin/env node
import { chromiumAvailable, chromiumHelp } from "./chromium.mjs";

if (!chromiumAvailable()) {
  console.error(chromiumHelp);
  process.exit(1);
}
