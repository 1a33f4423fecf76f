CREATE TABLE `integration_callback` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`system_id` integer NOT NULL,
	`external_id` text NOT NULL,
	`case_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`system_id`) REFERENCES `integration_system`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `integration_callback_external` ON `integration_callback` (`system_id`,`external_id`);--> statement-breakpoint
CREATE TABLE `integration_system_municipality` (
	`system_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	PRIMARY KEY(`system_id`, `municipality_id`),
	FOREIGN KEY (`system_id`) REFERENCES `integration_system`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
