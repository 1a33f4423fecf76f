-- Search index (docs/decisions/010). Kept here so that the custom migration can be re-created
-- verbatim whenever the generated catalogue migration is regenerated: paste this file into
-- `npx drizzle-kit generate --config db/drizzle.config.ts --custom --name search_fts`.
--
-- One FTS5 row per search_document row (same rowid), written by db/search-index.ts in the same
-- transaction. `remove_diacritics 0`: å, ä and ö are letters of their own, so `far` does not
-- match `får`. The *_folded columns hold the same text folded in JavaScript (fold() in
-- db/search-index.ts) and serve terms typed without diacritics. Prefix indexes keep `bygg*` fast.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, keywords, summary, body,
	title_folded, keywords_folded, summary_folded, body_folded,
	tokenize="unicode61 remove_diacritics 0",
	prefix='2 3 4'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts_vocab` USING fts5vocab(`search_fts`, 'col');
--> statement-breakpoint
CREATE TRIGGER `search_document_ad` AFTER DELETE ON `search_document` BEGIN
	DELETE FROM search_fts WHERE rowid = old.id;
END;
