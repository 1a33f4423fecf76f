CREATE TABLE `authority` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`level` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`description_sv` text NOT NULL,
	`description_en` text NOT NULL,
	`url` text NOT NULL,
	`last_checked_at` text,
	`last_status` integer,
	`broken` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authority_slug_unique` ON `authority` (`slug`);--> statement-breakpoint
CREATE TABLE `authority_service` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`authority_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text NOT NULL,
	`description_sv` text NOT NULL,
	`description_en` text NOT NULL,
	`url` text NOT NULL,
	FOREIGN KEY (`authority_id`) REFERENCES `authority`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `authority_service_position` ON `authority_service` (`authority_id`,`position`);--> statement-breakpoint
CREATE TABLE `external_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`url` text NOT NULL,
	`source` text NOT NULL,
	`last_checked_at` text,
	`last_status` integer,
	`last_error` text,
	`last_ok_at` text,
	`broken` integer DEFAULT false NOT NULL,
	`consecutive_failures` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `external_link_url_unique` ON `external_link` (`url`);--> statement-breakpoint
CREATE INDEX `external_link_broken` ON `external_link` (`broken`);--> statement-breakpoint
CREATE TABLE `life_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text NOT NULL,
	`summary_sv` text NOT NULL,
	`summary_en` text NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `life_event_slug_unique` ON `life_event` (`slug`);--> statement-breakpoint
CREATE TABLE `life_event_step` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`life_event_id` integer NOT NULL,
	`position` integer NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text NOT NULL,
	`body_sv` text NOT NULL,
	`body_en` text NOT NULL,
	`actor_kind` text NOT NULL,
	`service_slug` text,
	`form_id` text,
	`authority_slug` text,
	FOREIGN KEY (`life_event_id`) REFERENCES `life_event`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `life_event_step_position` ON `life_event_step` (`life_event_id`,`position`);--> statement-breakpoint
CREATE TABLE `case_export` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`last_attempt_at` text,
	`last_error` text,
	`delivered_to` text,
	`delivered_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_export_reference_unique` ON `case_export` (`reference`);--> statement-breakpoint
CREATE INDEX `case_export_due` ON `case_export` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `integration_system` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`last_used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_system_slug_unique` ON `integration_system` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `integration_system_token_hash_unique` ON `integration_system` (`token_hash`);