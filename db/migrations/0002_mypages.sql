CREATE TABLE `area_delegation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`area` text NOT NULL,
	`handled_by_municipality_id` integer NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`handled_by_municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `area_delegation_unique` ON `area_delegation` (`municipality_id`,`area`);--> statement-breakpoint
CREATE TABLE `organisation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`org_number` text NOT NULL,
	`name` text NOT NULL,
	`municipality_id` integer,
	`example` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `organisation_org_number_unique` ON `organisation` (`org_number`);--> statement-breakpoint
CREATE TABLE `person` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`personnummer_encrypted` text NOT NULL,
	`personnummer_hmac` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_login_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `person_personnummer_hmac_unique` ON `person` (`personnummer_hmac`);--> statement-breakpoint
CREATE TABLE `representation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`organisation_id` integer NOT NULL,
	`personnummer_hmac` text NOT NULL,
	`role` text NOT NULL,
	`valid_from` text,
	`valid_to` text,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `representation_org_person` ON `representation` (`organisation_id`,`personnummer_hmac`);--> statement-breakpoint
CREATE TABLE `role_assignment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_user_id` integer NOT NULL,
	`role` text NOT NULL,
	`municipality_id` integer,
	`area` text,
	`administration_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `role_assignment_user` ON `role_assignment` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `session` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`person_id` integer,
	`staff_user_id` integer,
	`stage` text DEFAULT 'active' NOT NULL,
	`acting_organisation_id` integer,
	`acting_kind` text,
	`id_token` text,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`idle_timeout_seconds` integer NOT NULL,
	`revoked_at` text,
	`ip` text,
	`user_agent` text,
	FOREIGN KEY (`person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`acting_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `session_person` ON `session` (`person_id`);--> statement-breakpoint
CREATE INDEX `session_staff` ON `session` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `staff_user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`municipality_id` integer,
	`password_hash` text NOT NULL,
	`password_changed_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`totp_secret_encrypted` text,
	`totp_enrolled_at` text,
	`totp_last_step` integer,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` text,
	`disabled_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_login_at` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_user_username_unique` ON `staff_user` (`username`);--> statement-breakpoint
CREATE TABLE `audit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`actor_type` text NOT NULL,
	`actor_id` integer,
	`actor_name` text,
	`actor_role` text,
	`actor_administration_id` integer,
	`action` text NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text,
	`person_id` integer,
	`municipality_id` integer,
	`request_id` text,
	`ip` text,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_event_at` ON `audit_event` (`at`);--> statement-breakpoint
CREATE INDEX `audit_event_person` ON `audit_event` (`person_id`);--> statement-breakpoint
CREATE INDEX `audit_event_municipality` ON `audit_event` (`municipality_id`,`at`);--> statement-breakpoint
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
