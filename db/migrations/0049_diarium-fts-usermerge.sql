-- The diarium's FTS5 indexes are kept merged by a job between requests (docs/decisions/168). A custom
-- migration: drizzle-kit does not know FTS5's settings, which live in each index's config table.
--
-- `usermerge` is read only by FTS5's 'merge' command (the job's step), not by the merging a send's
-- insert does (`automerge`, unchanged: decision 165): with 2 instead of FTS5's default 4, a step
-- merges any level that holds two segments, so the job leaves at most about one segment a level
-- (3 instead of 25 in the bench's large data set) and a search seeks its trigrams in fewer places.
INSERT INTO diarium_fts(diarium_fts, rank) VALUES ('usermerge', 2);
--> statement-breakpoint
INSERT INTO diarium_fts_short(diarium_fts_short, rank) VALUES ('usermerge', 2);
