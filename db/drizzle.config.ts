import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  // The FTS5 tables are created by hand-written custom migrations; keep `push` away from them.
  tablesFilter: ["!*_fts*"],
});
