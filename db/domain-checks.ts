import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "./schema/index";

/**
 * Every `text(…, { enum })` column in the schema is checked by the database too (decision 054):
 * SQLite cannot add a CHECK to an existing table without rebuilding it (and every table that
 * references it), so the check is a pair of BEFORE INSERT / BEFORE UPDATE triggers per column,
 * as the audit trail's append-only rule already is (migration 0002). This module derives them
 * from the schema; migrations 0016 and 0020 hold their SQL as it was generated (`npm run
 * db:domain-checks` prints what a new list column still needs), and
 * tests/integration/domain-checks.test.ts fails when the schema's lists and the database's
 * triggers differ (then write a custom migration that drops and recreates the column's pair).
 */
export interface DomainCheck {
  table: string;
  column: string;
  values: readonly string[];
}

export function domainChecks(): DomainCheck[] {
  const out: DomainCheck[] = [];
  for (const value of Object.values(schema)) {
    if (!(value instanceof SQLiteTable)) continue;
    const config = getTableConfig(value);
    for (const column of config.columns) {
      const values = (column as { enumValues?: readonly string[] }).enumValues;
      if (values && values.length > 0) out.push({ table: config.name, column: column.name, values });
    }
  }
  return out.sort((a, b) => `${a.table}.${a.column}`.localeCompare(`${b.table}.${b.column}`));
}

const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;

/** The two triggers of one column, as CREATE TRIGGER statements (without breakpoints). */
export function triggerSql(check: DomainCheck): string[] {
  const list = check.values.map(quote).join(", ");
  const when = `NEW.\`${check.column}\` IS NOT NULL AND NEW.\`${check.column}\` NOT IN (${list})`;
  const raise = `SELECT RAISE(ABORT, ${quote(`${check.table}.${check.column}: not one of the domain list's values`)});`;
  const name = `${check.table}_${check.column}_domain`;
  return [
    `CREATE TRIGGER \`${name}_insert\` BEFORE INSERT ON \`${check.table}\` WHEN ${when}\nBEGIN\n  ${raise}\nEND;`,
    `CREATE TRIGGER \`${name}_update\` BEFORE UPDATE OF \`${check.column}\` ON \`${check.table}\` WHEN ${when}\nBEGIN\n  ${raise}\nEND;`,
  ];
}
