-- Search index (docs/decisions/010). Kept here so that the custom migration can be re-created
-- verbatim whenever the generated catalogue migration is regenerated: paste this file into
-- `npx drizzle-kit generate --config db/drizzle.config.ts --custom --name search_fts`.
--
-- External-content FTS5 over search_document. `remove_diacritics 0`: å, ä and ö are letters of
-- their own, so `far` does not match `får`. The *_folded columns hold the same text folded in
-- JavaScript (app/services/search-query.ts) and serve queries typed without diacritics.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, keywords, summary, body,
	title_folded, keywords_folded, summary_folded, body_folded,
	content='search_document', content_rowid='id',
	tokenize="unicode61 remove_diacritics 0",
	prefix='2 3 4'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_fts_vocab` USING fts5vocab(`search_fts`, 'col');
--> statement-breakpoint
CREATE TRIGGER `search_document_ai` AFTER INSERT ON `search_document` BEGIN
	INSERT INTO search_fts(rowid, title, keywords, summary, body, title_folded, keywords_folded, summary_folded, body_folded)
	VALUES (new.id, new.title, new.keywords, new.summary, new.body, new.title_folded, new.keywords_folded, new.summary_folded, new.body_folded);
END;
--> statement-breakpoint
CREATE TRIGGER `search_document_ad` AFTER DELETE ON `search_document` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, keywords, summary, body, title_folded, keywords_folded, summary_folded, body_folded)
	VALUES ('delete', old.id, old.title, old.keywords, old.summary, old.body, old.title_folded, old.keywords_folded, old.summary_folded, old.body_folded);
END;
--> statement-breakpoint
CREATE TRIGGER `search_document_au` AFTER UPDATE ON `search_document` BEGIN
	INSERT INTO search_fts(search_fts, rowid, title, keywords, summary, body, title_folded, keywords_folded, summary_folded, body_folded)
	VALUES ('delete', old.id, old.title, old.keywords, old.summary, old.body, old.title_folded, old.keywords_folded, old.summary_folded, old.body_folded);
	INSERT INTO search_fts(rowid, title, keywords, summary, body, title_folded, keywords_folded, summary_folded, body_folded)
	VALUES (new.id, new.title, new.keywords, new.summary, new.body, new.title_folded, new.keywords_folded, new.summary_folded, new.body_folded);
END;
