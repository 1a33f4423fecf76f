import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

/**
 * Versions of what a cached page shows (decision 124): the row `mypages` is bumped by triggers
 * (migration 0046) on every write to a table Mina sidor's loaders read, from any connection.
 */
export const pageVersion = sqliteTable("page_version", {
  name: text("name").primaryKey(),
  version: integer("version").notNull().default(0),
});
