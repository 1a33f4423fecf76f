CREATE TABLE `administration_area` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`administration_id` integer NOT NULL,
	`area` text NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `administration_area_municipality_area` ON `administration_area` (`municipality_id`,`area`);--> statement-breakpoint
CREATE TABLE `staff_enrolment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`staff_user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_enrolment_token_hash_unique` ON `staff_enrolment` (`token_hash`);--> statement-breakpoint
CREATE INDEX `staff_enrolment_user` ON `staff_enrolment` (`staff_user_id`);--> statement-breakpoint
ALTER TABLE `administration` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `municipality` ADD `review_by` text;--> statement-breakpoint
ALTER TABLE `municipality` ADD `updated_at` text;