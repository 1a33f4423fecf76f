CREATE INDEX `case_submitted_by_person` ON `case` (`submitted_by_person_id`);--> statement-breakpoint
CREATE INDEX `case_applicant_organisation` ON `case` (`applicant_organisation_id`);