// `npm run db:domain-checks`: prints the trigger SQL (decision 054) for every list column of the
// schema whose triggers no migration creates yet, for a custom migration
// (`npx drizzle-kit generate --custom --config db/drizzle.config.ts --name <topic>`). A list
// whose values changed needs its two triggers dropped first; the domain-checks test says which.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { domainChecks, triggerSql } from "../db/domain-checks";

const dir = join(import.meta.dirname, "..", "db", "migrations");
const migrations = readdirSync(dir)
  .filter((f) => f.endsWith(".sql"))
  .map((f) => readFileSync(join(dir, f), "utf8"))
  .join("\n");
const out: string[] = [];
for (const check of domainChecks()) {
  const name = `${check.table}_${check.column}_domain`;
  if (migrations.includes(`\`${name}_insert\``)) continue;
  const list = check.values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ");
  out.push(
    ...triggerSql(check),
    `UPDATE \`${check.table}\` SET \`${check.column}\` = \`${check.column}\` WHERE \`${check.column}\` IS NOT NULL AND \`${check.column}\` NOT IN (${list});`,
  );
}
console.log(out.join("\n--> statement-breakpoint\n"));
