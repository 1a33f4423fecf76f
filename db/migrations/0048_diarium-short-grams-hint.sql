-- The send gives the diarium's short-word grams (migration 0044) instead of the trigger making them
-- (docs/decisions/154). A custom migration: drizzle-kit does not know triggers.
--
-- The insert trigger of 0044 builds an entry's grams ("\2e\2d\2": the lower-cased search_text with
-- char(2) around every character) with a recursive CTE, ~0.3 ms of SQLite's CPU per sent form. The
-- send computes the same string in JavaScript (`shortGrams`, tests/integration/diarium-fts.test.ts
-- compares the two) and leaves it in this one-row table, in the same transaction, just before it
-- inserts the entry. The trigger takes it only when it was made from exactly the entry's
-- search_text; any other writer (seeds, tests, a script) or a hint that does not match gets the CTE
-- as before, so the index is the same whoever writes. The trigger deletes the hint when it has run:
-- nothing of an entry's text stays behind (an erased entry is not kept here).
CREATE TABLE `diarium_fts_short_hint` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
	`search_text` text NOT NULL,
	`grams` text NOT NULL
);
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_short_insert`;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_short_insert` AFTER INSERT ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts_short(rowid, grams) SELECT new.id, coalesce(
		(SELECT grams FROM diarium_fts_short_hint WHERE id = 1 AND search_text = new.search_text),
		(
			WITH RECURSIVE c(i, out) AS (
				SELECT 1, char(2)
				UNION ALL SELECT i + 1, out || substr(lower(new.search_text), i, 1) || char(2) FROM c WHERE i <= length(new.search_text)
			) SELECT out FROM c WHERE i = length(new.search_text) + 1
		)
	);
	DELETE FROM diarium_fts_short_hint;
END;
