CREATE TABLE `administration` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`slug` text NOT NULL,
	`name_sv` text NOT NULL,
	`name_en` text NOT NULL,
	`description_sv` text NOT NULL,
	`description_en` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `administration_municipality_slug` ON `administration` (`municipality_id`,`slug`);--> statement-breakpoint
CREATE TABLE `municipality` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`logo_text` text NOT NULL,
	`intro_sv` text NOT NULL,
	`intro_en` text NOT NULL,
	`phone` text NOT NULL,
	`email` text NOT NULL,
	`visiting_address` text NOT NULL,
	`postal_address` text NOT NULL,
	`opening_hours_sv` text NOT NULL,
	`opening_hours_en` text NOT NULL,
	`org_number` text NOT NULL,
	`population` integer NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `municipality_slug_unique` ON `municipality` (`slug`);--> statement-breakpoint
CREATE UNIQUE INDEX `municipality_code_unique` ON `municipality` (`code`);