CREATE TABLE `childcare_application` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`child_hmac` text NOT NULL,
	`household_key` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`care_kind` text NOT NULL,
	`desired_start` text NOT NULL,
	`guarantee_date` text NOT NULL,
	`hours_per_week` integer NOT NULL,
	`queued_at` text NOT NULL,
	`queue_status` text DEFAULT 'queued' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `childcare_application_child` ON `childcare_application` (`child_hmac`);--> statement-breakpoint
CREATE INDEX `childcare_application_household` ON `childcare_application` (`household_key`);--> statement-breakpoint
CREATE TABLE `childcare_fee_config` (
	`year` integer PRIMARY KEY NOT NULL,
	`config` text NOT NULL,
	`source` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `childcare_offer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`start_date` text NOT NULL,
	`offered_at` text NOT NULL,
	`deadline_at` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`answered_at` text,
	`answered_by_person_id` integer,
	`offered_by_staff_id` integer,
	FOREIGN KEY (`case_id`) REFERENCES `childcare_application`(`case_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `childcare_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `childcare_offer_case` ON `childcare_offer` (`case_id`);--> statement-breakpoint
CREATE INDEX `childcare_offer_status` ON `childcare_offer` (`status`,`deadline_at`);--> statement-breakpoint
CREATE TABLE `childcare_placement` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`offer_id` integer NOT NULL,
	`child_hmac` text NOT NULL,
	`household_key` text NOT NULL,
	`unit_id` integer NOT NULL,
	`care_kind` text NOT NULL,
	`start_date` text NOT NULL,
	`hours_per_week` integer NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`termination_requested_at` text,
	`terminated_by_person_id` integer,
	`last_day` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`offer_id`) REFERENCES `childcare_offer`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `childcare_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `childcare_placement_offer_id_unique` ON `childcare_placement` (`offer_id`);--> statement-breakpoint
CREATE INDEX `childcare_placement_household` ON `childcare_placement` (`household_key`);--> statement-breakpoint
CREATE INDEX `childcare_placement_child` ON `childcare_placement` (`child_hmac`);--> statement-breakpoint
CREATE TABLE `childcare_preference` (
	`case_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	`rank` integer NOT NULL,
	PRIMARY KEY(`case_id`, `rank`),
	FOREIGN KEY (`case_id`) REFERENCES `childcare_application`(`case_id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`unit_id`) REFERENCES `childcare_unit`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `childcare_preference_case_unit` ON `childcare_preference` (`case_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `childcare_preference_unit` ON `childcare_preference` (`unit_id`);--> statement-breakpoint
CREATE TABLE `childcare_unit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`street` text NOT NULL,
	`postal_code` text NOT NULL,
	`town` text NOT NULL,
	`age_from` integer NOT NULL,
	`age_to` integer NOT NULL,
	`capacity` integer NOT NULL,
	`phone` text NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `childcare_unit_slug_unique` ON `childcare_unit` (`slug`);--> statement-breakpoint
CREATE INDEX `childcare_unit_municipality` ON `childcare_unit` (`municipality_id`,`kind`);--> statement-breakpoint
CREATE TABLE `household_income` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`household_key` text NOT NULL,
	`reported_by_person_id` integer NOT NULL,
	`monthly_income` text NOT NULL,
	`valid_from` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `household_income_household` ON `household_income` (`household_key`,`valid_from`);--> statement-breakpoint
CREATE TABLE `school_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`guardian_hmac` text NOT NULL,
	`decided_by_person_id` integer,
	`decision` text DEFAULT 'pending' NOT NULL,
	`decided_at` text,
	`content_hash` text,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `school_signature_case_guardian` ON `school_signature` (`case_id`,`guardian_hmac`);--> statement-breakpoint
CREATE INDEX `school_signature_guardian` ON `school_signature` (`guardian_hmac`);--> statement-breakpoint
CREATE TABLE `case_party` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`personnummer_hmac` text NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_party_case_person` ON `case_party` (`case_id`,`personnummer_hmac`);--> statement-breakpoint
CREATE INDEX `case_party_person` ON `case_party` (`personnummer_hmac`);--> statement-breakpoint
CREATE TABLE `message` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`sender` text NOT NULL,
	`author_person_id` integer,
	`author_staff_id` integer,
	`body` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `message_case` ON `message` (`case_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `message_attachment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`public_id` text NOT NULL,
	`message_id` integer NOT NULL,
	`original_name` text NOT NULL,
	`stored_name` text NOT NULL,
	`size` integer NOT NULL,
	`mime` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`message_id`) REFERENCES `message`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_attachment_public_id_unique` ON `message_attachment` (`public_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `message_attachment_stored_name_unique` ON `message_attachment` (`stored_name`);--> statement-breakpoint
CREATE INDEX `message_attachment_message` ON `message_attachment` (`message_id`);--> statement-breakpoint
CREATE TABLE `notification` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`recipient_hmac` text NOT NULL,
	`case_id` integer,
	`kind` text NOT NULL,
	`params` text DEFAULT '{}' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`read_at` text,
	`email_status` text DEFAULT 'off' NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `notification_recipient` ON `notification` (`recipient_hmac`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_setting` (
	`personnummer_hmac` text PRIMARY KEY NOT NULL,
	`email_enabled` integer DEFAULT true NOT NULL,
	`email` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
