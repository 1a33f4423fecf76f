-- School choices were filed as "personal" while their e-service definition says "secret" (decision 102).
-- The public register already masked them by area (diarium-rules.ts); the entry now says what it is.
UPDATE `diarium_entry` SET `sensitivity` = 'secret' WHERE `area` = 'skola' AND `sensitivity` <> 'secret';
