PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_permit_owner_consent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`case_id` integer NOT NULL,
	`owner_hmac` text,
	`owner_organisation_id` integer,
	`owner_name` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`signature_id` integer,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`answered_at` text,
	`deadline_at` text,
	`reminded_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signature_id`) REFERENCES `case_signature`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_permit_owner_consent`("id", "public_id", "case_id", "owner_hmac", "owner_organisation_id", "owner_name", "status", "signature_id", "requested_at", "answered_at", "deadline_at", "reminded_at") SELECT "id", "public_id", "case_id", "owner_hmac", NULL, "owner_name", "status", "signature_id", "requested_at", "answered_at", strftime('%Y-%m-%dT%H:%M:%fZ', "requested_at", '+14 days'), NULL FROM `permit_owner_consent`;--> statement-breakpoint
DROP TABLE `permit_owner_consent`;--> statement-breakpoint
ALTER TABLE `__new_permit_owner_consent` RENAME TO `permit_owner_consent`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `permit_owner_consent_public_id_unique` ON `permit_owner_consent` (`public_id`);--> statement-breakpoint
CREATE INDEX `permit_owner_consent_case` ON `permit_owner_consent` (`case_id`);--> statement-breakpoint
CREATE INDEX `permit_owner_consent_owner` ON `permit_owner_consent` (`owner_hmac`);--> statement-breakpoint
CREATE UNIQUE INDEX `permit_owner_consent_case_owner` ON `permit_owner_consent` (`case_id`,`owner_hmac`);--> statement-breakpoint
CREATE UNIQUE INDEX `permit_owner_consent_case_organisation` ON `permit_owner_consent` (`case_id`,`owner_organisation_id`);--> statement-breakpoint
CREATE INDEX `permit_owner_consent_due` ON `permit_owner_consent` (`status`,`deadline_at`);