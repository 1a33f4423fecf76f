-- Diarium search words of one or two letters from an index (docs/decisions/118). A custom
-- migration: drizzle-kit does not know virtual tables or triggers.
--
-- The trigram index of decision 072 (diarium_fts) cannot answer a word shorter than three
-- characters, so `x`, `å` or `ed` scanned every row with LIKE. This contentless FTS5 table holds,
-- for each entry, the same public search_text with a separator (char(2)) before and after every
-- character: "\2e\2d\2". Its trigrams are then exactly the text's single characters ("\2e\2")
-- and pairs of characters ("e\2d"), so the substring question LIKE '%ed%' asked becomes one token.
-- detail=none: only which rows hold a token is kept (no positions), the index stays small.
-- case_sensitive 1 over lower(search_text): SQLite's lower() folds ASCII capitals only, which is
-- exactly what LIKE ignored (the portal lower-cases the query; some older rows have capitals), so
-- a character or pair is found where LIKE found it, no more (an "Å" stays apart from "å").
-- The triggers keep it in step with every writer, as diarium_fts's do; a later migration that
-- recreates diarium_entry drops them and must create them again (tests/integration/diarium-fts.test.ts).
CREATE VIRTUAL TABLE `diarium_fts_short` USING fts5(
	grams,
	content='',
	contentless_delete=1,
	detail=none,
	tokenize='trigram case_sensitive 1'
);
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_short_insert` AFTER INSERT ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts_short(rowid, grams) SELECT new.id, (
		WITH RECURSIVE c(i, out) AS (
			SELECT 1, char(2)
			UNION ALL SELECT i + 1, out || substr(lower(new.search_text), i, 1) || char(2) FROM c WHERE i <= length(new.search_text)
		) SELECT out FROM c WHERE i = length(new.search_text) + 1
	);
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_short_delete` AFTER DELETE ON `diarium_entry` BEGIN
	DELETE FROM diarium_fts_short WHERE rowid = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_short_update` AFTER UPDATE OF `id`, `search_text` ON `diarium_entry` BEGIN
	DELETE FROM diarium_fts_short WHERE rowid = old.id;
	INSERT INTO diarium_fts_short(rowid, grams) SELECT new.id, (
		WITH RECURSIVE c(i, out) AS (
			SELECT 1, char(2)
			UNION ALL SELECT i + 1, out || substr(lower(new.search_text), i, 1) || char(2) FROM c WHERE i <= length(new.search_text)
		) SELECT out FROM c WHERE i = length(new.search_text) + 1
	);
END;
--> statement-breakpoint
INSERT INTO diarium_fts_short(rowid, grams)
SELECT e.id, (
	WITH RECURSIVE c(i, out) AS (
		SELECT 1, char(2)
		UNION ALL SELECT i + 1, out || substr(lower(e.search_text), i, 1) || char(2) FROM c WHERE i <= length(e.search_text)
	) SELECT out FROM c WHERE i = length(e.search_text) + 1
) FROM diarium_entry e;
