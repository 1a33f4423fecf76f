CREATE TABLE `review_reminder` (
	`content_type` text NOT NULL,
	`content_id` integer NOT NULL,
	`review_by` text NOT NULL,
	`recipient` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`content_type`, `content_id`)
);
--> statement-breakpoint
ALTER TABLE `life_event` ADD `updated_by` text DEFAULT 'seed' NOT NULL;--> statement-breakpoint
ALTER TABLE `life_event` ADD `draft` text;--> statement-breakpoint
ALTER TABLE `life_event` ADD `draft_by` text;--> statement-breakpoint
ALTER TABLE `life_event` ADD `draft_at` text;--> statement-breakpoint
ALTER TABLE `staff_user` ADD `language` text DEFAULT 'sv' NOT NULL;