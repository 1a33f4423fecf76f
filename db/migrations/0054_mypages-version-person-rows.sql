-- Mina sidor's render cache (decisions 124, 187): an anonymous browser's working copy and a case
-- sent without a person or organisation are on no one's Mina sidor, so writing them no longer bumps
-- page_version.mypages. Before, every step of every anonymous form ended every resident's cached
-- page, and wrote page_version's page to the log: 4 of a walk's 63 frames. A draft counts when it
-- belongs to a person before or after the write (so does an update that gives a copy to a person,
-- or takes it from one).
-- A new case counts when it names a person or an organisation; one found through its parties
-- (case_party) is bumped by that table's own trigger, whose rows can only follow the case's
-- (foreign key). Updates and deletes of cases still always count: a case seen through its parties
-- names neither.
DROP TRIGGER `page_version_mypages_form_draft_insert`;
--> statement-breakpoint
DROP TRIGGER `page_version_mypages_form_draft_update`;
--> statement-breakpoint
DROP TRIGGER `page_version_mypages_form_draft_delete`;
--> statement-breakpoint
DROP TRIGGER `page_version_mypages_case_insert`;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_insert` AFTER INSERT ON `form_draft` WHEN NEW.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_update` AFTER UPDATE ON `form_draft` WHEN OLD.`person_id` IS NOT NULL OR NEW.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_delete` AFTER DELETE ON `form_draft` WHEN OLD.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_insert` AFTER INSERT ON `case` WHEN NEW.`applicant_person_id` IS NOT NULL OR NEW.`submitted_by_person_id` IS NOT NULL OR NEW.`applicant_organisation_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
