CREATE TABLE `case_attachment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`case_id` integer,
	`owner_key` text NOT NULL,
	`form_id` text NOT NULL,
	`field` text NOT NULL,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_attachment_public_id_unique` ON `case_attachment` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_attachment_stored_name_unique` ON `case_attachment` (`stored_name`);--> statement-breakpoint
CREATE INDEX `case_attachment_case` ON `case_attachment` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_attachment_owner` ON `case_attachment` (`owner_key`);--> statement-breakpoint
CREATE TABLE `case_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor` text NOT NULL,
	`note` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_event_case` ON `case_event` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_reference_counter` (
	`municipality_id` integer NOT NULL,
	`year` integer NOT NULL,
	`last_number` integer NOT NULL,
	PRIMARY KEY(`municipality_id`, `year`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `diarium_entry` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer,
	`reference` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`administration_id` integer NOT NULL,
	`case_type` text NOT NULL,
	`area` text NOT NULL,
	`sensitivity` text NOT NULL,
	`subject` text,
	`party_kind` text NOT NULL,
	`party_name` text,
	`status` text NOT NULL,
	`registered_at` text NOT NULL,
	`search_text` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `diarium_entry_reference` ON `diarium_entry` (`reference`);--> statement-breakpoint
CREATE INDEX `diarium_entry_registered` ON `diarium_entry` (`registered_at`);--> statement-breakpoint
CREATE INDEX `diarium_entry_municipality` ON `diarium_entry` (`municipality_id`,`registered_at`);--> statement-breakpoint
CREATE TABLE `form_draft` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` text NOT NULL,
	`form_version` integer NOT NULL,
	`person_id` integer,
	`token_hash` text,
	`owner_key` text NOT NULL,
	`data` text NOT NULL,
	`step_id` text NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `form_draft_token_hash_unique` ON `form_draft` (`token_hash`);--> statement-breakpoint
CREATE INDEX `form_draft_person` ON `form_draft` (`person_id`);--> statement-breakpoint
ALTER TABLE `case` ADD `administration_id` integer REFERENCES administration(id);--> statement-breakpoint
ALTER TABLE `case` ADD `form_version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `case` ADD `submitted_by_person_id` integer REFERENCES person(id);--> statement-breakpoint
ALTER TABLE `case` ADD `contact_email` text;--> statement-breakpoint
ALTER TABLE `case` ADD `data` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `case` ADD `sensitive_data` text;--> statement-breakpoint
ALTER TABLE `case` ADD `submitter_key` text;--> statement-breakpoint
ALTER TABLE `case` ADD `language` text DEFAULT 'sv' NOT NULL;--> statement-breakpoint
ALTER TABLE `case` ADD `idempotency_key` text;--> statement-breakpoint
ALTER TABLE `case` ADD `updated_at` text;--> statement-breakpoint
ALTER TABLE `case` ADD `decision_due_at` text;--> statement-breakpoint
CREATE UNIQUE INDEX `case_idempotency_key_unique` ON `case` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `case_municipality_area_status` ON `case` (`municipality_id`,`area`,`status`);