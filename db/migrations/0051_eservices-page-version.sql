-- The published e-services each process keeps in memory (decision 175): one version of the
-- eservice_definition table, bumped by a trigger on every write to it, from any connection or
-- process, so a publication made by another instance is seen at its next read.
INSERT INTO `page_version` (`name`, `version`) VALUES ('eservices', 0);
--> statement-breakpoint
CREATE TRIGGER `page_version_eservices_insert` AFTER INSERT ON `eservice_definition` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'eservices'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_eservices_update` AFTER UPDATE ON `eservice_definition` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'eservices'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_eservices_delete` AFTER DELETE ON `eservice_definition` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'eservices'; END;
