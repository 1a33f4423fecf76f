#!/usr/bin/env -S npx tsx
// `npm run check-links`: checks every external link in the registry now, records the result
// in the database (as the in-server schedule does) and prints the broken ones.
//   npm run check-links                      all registered links
//   npm run check-links -- <url> [<url>…]    only these addresses, nothing recorded
// Exit code 1 when a link is broken, so it can gate a deploy or a cron mail.
import { closeDatabase, prepareDatabase } from "~/db.server";
import { checkLinks, runLinkCheck, type CheckResult } from "~/services/links.server";

const urls = process.argv.slice(2).filter((a) => !a.startsWith("--"));

function print(results: CheckResult[]) {
  for (const r of results) {
    const mark = r.ok ? "ok    " : "BROKEN";
    console.log(`${mark} ${r.status ?? "---"} ${r.url}${r.error ? ` (${r.error})` : ""}`);
  }
}

let broken = 0;
if (urls.length > 0) {
  const results = await checkLinks(urls);
  print(results);
  broken = results.filter((r) => !r.ok).length;
} else {
  prepareDatabase();
  const summary = await runLinkCheck();
  print(summary.results.filter((r) => !r.ok));
  console.log(
    summary.inconclusive
      ? `inconclusive: none of ${summary.checked} links answered (is the network down?); no flags changed`
      : `${summary.checked} checked, ${summary.ok} ok, ${summary.broken} broken`,
  );
  broken = summary.broken;
  closeDatabase();
}
process.exit(broken > 0 ? 1 : 0);
