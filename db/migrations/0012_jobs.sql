CREATE TABLE `job_lease` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text DEFAULT '' NOT NULL,
	`expires_at` text NOT NULL,
	`next_due_at` text
);
--> statement-breakpoint
CREATE TABLE `job_run` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`holder` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`ok` integer,
	`summary` text
);
--> statement-breakpoint
CREATE INDEX `job_run_name_started` ON `job_run` (`name`,`started_at`);