CREATE TABLE `integration_route` (
	`municipality_id` integer NOT NULL,
	`area` text NOT NULL,
	`system_id` integer NOT NULL,
	PRIMARY KEY(`municipality_id`, `area`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`system_id`) REFERENCES `integration_system`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `integration_route_system` ON `integration_route` (`system_id`);--> statement-breakpoint
ALTER TABLE `case_export` ADD `system_id` integer REFERENCES integration_system(id);--> statement-breakpoint
ALTER TABLE `integration_system` ADD `target_kind` text;--> statement-breakpoint
ALTER TABLE `integration_system` ADD `target` text;--> statement-breakpoint
ALTER TABLE `integration_system` ADD `secret_ciphertext` text;--> statement-breakpoint
ALTER TABLE `integration_system` ADD `token_rotated_at` text;