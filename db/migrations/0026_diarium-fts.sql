-- Diarium search index (docs/decisions/072; 039 named it). A custom migration: drizzle-kit does
-- not know virtual tables or triggers.
--
-- An external-content FTS5 table over diarium_entry.search_text only: the text built from the
-- masked public projection when the entry is written (diarium-text.server.ts, decision 017), so
-- nothing the diarium hides can reach the index. The trigram tokenizer answers the substring
-- search the page has always done (LIKE '%word%' over the lower-cased text) from the index;
-- `remove_diacritics 0` keeps å, ä and ö letters of their own, as LIKE did.
-- The triggers keep it in step with every writer (cases, seeds, retention, the bench's cloner).
-- A later migration that recreates diarium_entry drops these triggers: it must create them again
-- and rebuild (tests/integration/diarium-fts.test.ts fails otherwise).
CREATE VIRTUAL TABLE `diarium_fts` USING fts5(
	search_text,
	content='diarium_entry',
	content_rowid='id',
	tokenize='trigram remove_diacritics 0'
);
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_insert` AFTER INSERT ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_delete` AFTER DELETE ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts(diarium_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_update` AFTER UPDATE OF `id`, `search_text` ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts(diarium_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
	INSERT INTO diarium_fts(rowid, search_text) VALUES (new.id, new.search_text);
END;
--> statement-breakpoint
INSERT INTO diarium_fts(diarium_fts) VALUES ('rebuild');
