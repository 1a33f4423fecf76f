import { sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DB } from "../db/client";
import { db } from "./db.server";

/**
 * Statements of the pages every signed-in request runs (the session row, Mina sidor, the header's
 * party check): drizzle builds the SQL text and better-sqlite3 compiles it on every call, which
 * cost more than running the query (decision 120). `prepared` builds one with placeholders
 * (`sql.placeholder("name")`) once per connection and keeps it; the key names the statement.
 */
const statements = new WeakMap<DB, Map<string, unknown>>();

export function prepared<T>(key: string, build: (database: DB) => T): T {
  const database = db();
  let byKey = statements.get(database);
  if (!byKey) {
    byKey = new Map();
    statements.set(database, byKey);
  }
  let statement = byKey.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build(database);
    byKey.set(key, statement);
  }
  return statement;
}

/**
 * `column IN (ids)` with the ids as one JSON parameter: drizzle builds one parameter per element
 * of `inArray`, which costs more than the query when a page asks about hundreds of cases.
 */
export function inIds(column: SQLiteColumn, ids: readonly number[]): SQL {
  return sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;
}

/**
 * An insert's values as bare placeholders, one per column, named after the column (decision
 * 141): inside sql`` drizzle passes each value as given, without the column's own mapping (a
 * json column's text, a boolean column's 1/0 and NULL are the caller's to give).
 */
export function placeholderValues<K extends string>(columns: readonly K[]): Record<K, SQL> {
  return Object.fromEntries(columns.map((c) => [c, sql`${sql.placeholder(c)}`])) as Record<K, SQL>;
}
