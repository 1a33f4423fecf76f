CREATE TABLE `eservice_definition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`form_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`document` text NOT NULL,
	`municipality_id` integer,
	`administration_id` integer,
	`created_by` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`published_at` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eservice_definition_form_version` ON `eservice_definition` (`form_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `eservice_definition_one_published` ON `eservice_definition` (`form_id`) WHERE "eservice_definition"."status" = 'published';--> statement-breakpoint
CREATE INDEX `eservice_definition_scope` ON `eservice_definition` (`municipality_id`,`administration_id`);