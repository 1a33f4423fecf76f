CREATE TABLE `decision_body` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`area` text NOT NULL,
	`body_sv` text NOT NULL,
	`body_en` text NOT NULL,
	`appeal_route` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `decision_body_municipality_area` ON `decision_body` (`municipality_id`,`area`);--> statement-breakpoint
CREATE TABLE `decision_draft` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`template_id` integer,
	`text` text NOT NULL,
	`prepared_by` text NOT NULL,
	`prepared_by_name` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`template_id`) REFERENCES `decision_template`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE TABLE `decision_template` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`area` text NOT NULL,
	`outcome` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`text_sv` text NOT NULL,
	`text_en` text NOT NULL,
	`appeal_route` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `decision_template_municipality_area` ON `decision_template` (`municipality_id`,`area`);--> statement-breakpoint
CREATE TABLE `delegation_holder` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`point_id` integer NOT NULL,
	`role` text,
	`staff_user_id` integer,
	FOREIGN KEY (`point_id`) REFERENCES `delegation_point`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `delegation_holder_point` ON `delegation_holder` (`point_id`);--> statement-breakpoint
CREATE TABLE `delegation_point` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`area` text NOT NULL,
	`code` text NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `delegation_point_code` ON `delegation_point` (`municipality_id`,`area`,`code`);--> statement-breakpoint
ALTER TABLE `case_decision` ADD `body_name` text;--> statement-breakpoint
ALTER TABLE `case_decision` ADD `appeal_route` text;--> statement-breakpoint
ALTER TABLE `case_decision` ADD `delegation_code` text;--> statement-breakpoint
ALTER TABLE `case_decision` ADD `delegation_title` text;--> statement-breakpoint
ALTER TABLE `case_decision` ADD `template_id` integer;