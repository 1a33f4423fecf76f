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
CREATE TABLE `case` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`case_type` text NOT NULL,
	`area` text NOT NULL,
	`status` text DEFAULT 'submitted' NOT NULL,
	`applicant_person_id` integer,
	`applicant_organisation_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_person_id`) REFERENCES `person`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`applicant_organisation_id`) REFERENCES `organisation`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_reference_unique` ON `case` (`reference`);--> statement-breakpoint
CREATE INDEX `case_municipality_area` ON `case` (`municipality_id`,`area`);--> statement-breakpoint
CREATE INDEX `case_applicant_person` ON `case` (`applicant_person_id`);