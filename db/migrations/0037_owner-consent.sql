CREATE TABLE `permit_owner_consent` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`case_id` integer NOT NULL,
	`owner_hmac` text NOT NULL,
	`owner_name` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`signature_id` integer,
	`requested_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`answered_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signature_id`) REFERENCES `case_signature`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `permit_owner_consent_public_id_unique` ON `permit_owner_consent` (`public_id`);--> statement-breakpoint
CREATE INDEX `permit_owner_consent_case` ON `permit_owner_consent` (`case_id`);--> statement-breakpoint
CREATE INDEX `permit_owner_consent_owner` ON `permit_owner_consent` (`owner_hmac`);--> statement-breakpoint
CREATE UNIQUE INDEX `permit_owner_consent_case_owner` ON `permit_owner_consent` (`case_id`,`owner_hmac`);