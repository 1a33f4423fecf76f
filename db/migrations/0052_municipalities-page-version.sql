-- The municipalities each process keeps in memory (decision 183): one version of the municipality
-- table, bumped by a trigger on every write to it, from any connection or process (the admin
-- pages, a staff SSO setting, the seed, another instance), so the next read of the list sees it.
INSERT INTO `page_version` (`name`, `version`) VALUES ('municipalities', 0);
--> statement-breakpoint
CREATE TRIGGER `page_version_municipalities_insert` AFTER INSERT ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'municipalities'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_municipalities_update` AFTER UPDATE ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'municipalities'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_municipalities_delete` AFTER DELETE ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'municipalities'; END;
