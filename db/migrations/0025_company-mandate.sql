CREATE TABLE `company_mandate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`personnummer_hmac` text NOT NULL,
	`personnummer_encrypted` text NOT NULL,
	`grantee_name` text NOT NULL,
	`valid_to` text,
	`granted_by_person_id` integer NOT NULL,
	`granted_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`revoked_by_person_id` integer,
	`revoked_at` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`granted_by_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`revoked_by_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_mandate_person` ON `company_mandate` (`personnummer_hmac`);--> statement-breakpoint
CREATE INDEX `company_mandate_organisation` ON `company_mandate` (`organisation_id`);