-- Mina sidor's render cache (decision 124): one version of everything the page reads, bumped by
-- a trigger on every write to those tables, from any connection or process.
CREATE TABLE `page_version` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
INSERT INTO `page_version` (`name`, `version`) VALUES ('mypages', 0);
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_insert` AFTER INSERT ON `case` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_update` AFTER UPDATE ON `case` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_delete` AFTER DELETE ON `case` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_party_insert` AFTER INSERT ON `case_party` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_party_update` AFTER UPDATE ON `case_party` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_case_party_delete` AFTER DELETE ON `case_party` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_school_signature_insert` AFTER INSERT ON `school_signature` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_school_signature_update` AFTER UPDATE ON `school_signature` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_school_signature_delete` AFTER DELETE ON `school_signature` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_childcare_offer_insert` AFTER INSERT ON `childcare_offer` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_childcare_offer_update` AFTER UPDATE ON `childcare_offer` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_childcare_offer_delete` AFTER DELETE ON `childcare_offer` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_message_insert` AFTER INSERT ON `message` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_message_update` AFTER UPDATE ON `message` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_message_delete` AFTER DELETE ON `message` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_notification_insert` AFTER INSERT ON `notification` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_notification_update` AFTER UPDATE ON `notification` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_notification_delete` AFTER DELETE ON `notification` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_insert` AFTER INSERT ON `form_draft` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_update` AFTER UPDATE ON `form_draft` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_form_draft_delete` AFTER DELETE ON `form_draft` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_person_insert` AFTER INSERT ON `person` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_person_update` AFTER UPDATE ON `person` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_person_delete` AFTER DELETE ON `person` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_organisation_insert` AFTER INSERT ON `organisation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_organisation_update` AFTER UPDATE ON `organisation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_organisation_delete` AFTER DELETE ON `organisation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_representation_insert` AFTER INSERT ON `representation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_representation_update` AFTER UPDATE ON `representation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_representation_delete` AFTER DELETE ON `representation` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_company_mandate_insert` AFTER INSERT ON `company_mandate` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_company_mandate_update` AFTER UPDATE ON `company_mandate` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_company_mandate_delete` AFTER DELETE ON `company_mandate` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_municipality_insert` AFTER INSERT ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_municipality_update` AFTER UPDATE ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_municipality_delete` AFTER DELETE ON `municipality` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_administration_insert` AFTER INSERT ON `administration` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_administration_update` AFTER UPDATE ON `administration` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_administration_delete` AFTER DELETE ON `administration` BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_audit_event_insert` AFTER INSERT ON `audit_event` WHEN NEW.`actor_type` = 'staff' AND NEW.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_audit_event_update` AFTER UPDATE ON `audit_event` WHEN NEW.`actor_type` = 'staff' AND NEW.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
--> statement-breakpoint
CREATE TRIGGER `page_version_mypages_audit_event_delete` AFTER DELETE ON `audit_event` WHEN OLD.`actor_type` = 'staff' AND OLD.`person_id` IS NOT NULL BEGIN UPDATE `page_version` SET `version` = `version` + 1 WHERE `name` = 'mypages'; END;
