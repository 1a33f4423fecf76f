CREATE TABLE `case_assignment` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`staff_user_id` integer NOT NULL,
	`staff_name` text NOT NULL,
	`assigned_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_decision` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`decided_on` text NOT NULL,
	`text` text NOT NULL,
	`fee` integer,
	`document_name` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_by_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `internal_note` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`author_staff_id` integer NOT NULL,
	`author_name` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `internal_note_case` ON `internal_note` (`case_id`);--> statement-breakpoint
CREATE TABLE `permit_case` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`measure_type` text NOT NULL,
	`property_designation` text NOT NULL,
	`received_on` text NOT NULL,
	`fee_estimate` integer,
	`extension_weeks` integer,
	`extension_reason` text,
	`extension_granted_on` text,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `permit_taxa` (
	`municipality_id` integer PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `property` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`designation` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`town` text NOT NULL,
	`area_m2` integer NOT NULL,
	`detaljplan` integer NOT NULL,
	`use` text NOT NULL,
	`owner_kind` text NOT NULL,
	`owner_name` text NOT NULL,
	`owner_organisationsnummer` text,
	`example` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `property_designation_unique` ON `property` (`designation`);--> statement-breakpoint
CREATE INDEX `property_municipality` ON `property` (`municipality_id`);--> statement-breakpoint
CREATE TABLE `supplement_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`kind` text NOT NULL,
	`message` text NOT NULL,
	`requested_kinds` text DEFAULT '[]' NOT NULL,
	`requested_on` text NOT NULL,
	`due_on` text NOT NULL,
	`answered_on` text,
	`answer_text` text,
	`requested_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `supplement_request_case` ON `supplement_request` (`case_id`);