-- A send's diarium entry is indexed a moment later, in batches, instead of in the send's own
-- transaction (docs/decisions/171). A custom migration: drizzle-kit does not know triggers.
--
-- The send leaves a row in `diarium_fts_defer` just before it inserts the entry; the insert trigger
-- then queues the entry's id in `diarium_fts_queue` (no text: an erased entry leaves nothing here)
-- and deletes the flag. Any other writer (seeds, scripts, tests) sets no flag and is indexed by the
-- trigger at once, as before. The portal indexes the queue in batches between requests, and every
-- diarium search indexes what is queued before it asks either index, so searches stay exact.
-- One trigger per event decides, so that an entry is never both queued and indexed.
--
-- The delete and update triggers remove an entry from the external-content index only when it is
-- in it (FTS5's 'delete' of a row it never indexed corrupts the index): a queued entry is only
-- dequeued. The short-word index is contentless_delete: a DELETE of a row it lacks is harmless.
-- The hint table of 0048 goes: the portal's batch gives the grams itself.
CREATE TABLE `diarium_fts_queue` (
	`id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `diarium_fts_defer` (
	`id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1)
);
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_insert`;
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_short_insert`;
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_delete`;
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_short_delete`;
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_update`;
--> statement-breakpoint
DROP TRIGGER `diarium_entry_fts_short_update`;
--> statement-breakpoint
DROP TABLE `diarium_fts_short_hint`;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_insert` AFTER INSERT ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts_queue(id) SELECT new.id WHERE EXISTS (SELECT 1 FROM diarium_fts_defer);
	INSERT INTO diarium_fts(rowid, search_text) SELECT new.id, new.search_text
		WHERE NOT EXISTS (SELECT 1 FROM diarium_fts_defer);
	INSERT INTO diarium_fts_short(rowid, grams) SELECT new.id, (
		WITH RECURSIVE c(i, out) AS (
			SELECT 1, char(2)
			UNION ALL SELECT i + 1, out || substr(lower(new.search_text), i, 1) || char(2) FROM c WHERE i <= length(new.search_text)
		) SELECT out FROM c WHERE i = length(new.search_text) + 1
	) WHERE NOT EXISTS (SELECT 1 FROM diarium_fts_defer);
	DELETE FROM diarium_fts_defer;
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_delete` AFTER DELETE ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts(diarium_fts, rowid, search_text) SELECT 'delete', old.id, old.search_text
		WHERE NOT EXISTS (SELECT 1 FROM diarium_fts_queue WHERE id = old.id);
	DELETE FROM diarium_fts_short WHERE rowid = old.id;
	DELETE FROM diarium_fts_queue WHERE id = old.id;
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_fts_update` AFTER UPDATE OF `id`, `search_text` ON `diarium_entry` BEGIN
	INSERT INTO diarium_fts(diarium_fts, rowid, search_text) SELECT 'delete', old.id, old.search_text
		WHERE NOT EXISTS (SELECT 1 FROM diarium_fts_queue WHERE id = old.id);
	DELETE FROM diarium_fts_short WHERE rowid = old.id;
	DELETE FROM diarium_fts_queue WHERE id = old.id;
	INSERT INTO diarium_fts(rowid, search_text) VALUES (new.id, new.search_text);
	INSERT INTO diarium_fts_short(rowid, grams) SELECT new.id, (
		WITH RECURSIVE c(i, out) AS (
			SELECT 1, char(2)
			UNION ALL SELECT i + 1, out || substr(lower(new.search_text), i, 1) || char(2) FROM c WHERE i <= length(new.search_text)
		) SELECT out FROM c WHERE i = length(new.search_text) + 1
	);
END;
