CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`content_type` text NOT NULL,
	`content_id` integer NOT NULL,
	`version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`action` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `content_version_item_version` ON `content_version` (`content_type`,`content_id`,`version`);--> statement-breakpoint
CREATE TABLE `news` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`administration_id` integer,
	`slug` text NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text,
	`summary_sv` text NOT NULL,
	`summary_en` text,
	`body_sv` text NOT NULL,
	`body_en` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`publish_at` text,
	`unpublish_at` text,
	`owner` text NOT NULL,
	`review_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'seed' NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `news_municipality_slug` ON `news` (`municipality_id`,`slug`);--> statement-breakpoint
CREATE INDEX `news_publish_at` ON `news` (`publish_at`);--> statement-breakpoint
CREATE TABLE `page` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`administration_id` integer,
	`kind` text DEFAULT 'page' NOT NULL,
	`slug` text NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text,
	`summary_sv` text NOT NULL,
	`summary_en` text,
	`body_sv` text NOT NULL,
	`body_en` text,
	`contact_name` text,
	`contact_phone` text,
	`contact_email` text,
	`visiting_address` text,
	`opening_hours_sv` text,
	`opening_hours_en` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`publish_at` text,
	`unpublish_at` text,
	`owner` text NOT NULL,
	`review_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'seed' NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `page_municipality_slug` ON `page` (`municipality_id`,`slug`);--> statement-breakpoint
CREATE TABLE `search_document` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`ref_id` text NOT NULL,
	`lang` text NOT NULL,
	`municipalities` text DEFAULT '*' NOT NULL,
	`visible_from` text,
	`visible_until` text,
	`review_by` text,
	`url` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `search_document_key` ON `search_document` (`type`,`ref_id`,`lang`);--> statement-breakpoint
CREATE TABLE `service` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`category` text NOT NULL,
	`administration_slug` text NOT NULL,
	`shared` integer NOT NULL,
	`title_sv` text NOT NULL,
	`title_en` text,
	`summary_sv` text NOT NULL,
	`summary_en` text,
	`audience_sv` text NOT NULL,
	`audience_en` text,
	`how_to_apply_sv` text NOT NULL,
	`how_to_apply_en` text,
	`cost_sv` text NOT NULL,
	`cost_en` text,
	`processing_time_sv` text NOT NULL,
	`processing_time_en` text,
	`processing_days` integer,
	`legal_basis_sv` text NOT NULL,
	`legal_basis_en` text,
	`body_sv` text NOT NULL,
	`body_en` text,
	`keywords` text DEFAULT '' NOT NULL,
	`e_service_id` text,
	`status` text DEFAULT 'draft' NOT NULL,
	`publish_at` text,
	`unpublish_at` text,
	`owner` text NOT NULL,
	`review_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text DEFAULT 'seed' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_slug_unique` ON `service` (`slug`);--> statement-breakpoint
CREATE INDEX `service_category` ON `service` (`category`);--> statement-breakpoint
CREATE TABLE `service_authority` (
	`service_id` integer NOT NULL,
	`authority_slug` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `authority_slug`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `service_municipality` (
	`service_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	`administration_id` integer,
	`fee_sv` text,
	`fee_en` text,
	`processing_time_sv` text,
	`processing_time_en` text,
	`processing_days` integer,
	`contact_name_sv` text,
	`contact_name_en` text,
	`contact_phone` text,
	`contact_email` text,
	`local_rules_sv` text,
	`local_rules_en` text,
	PRIMARY KEY(`service_id`, `municipality_id`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `service_related` (
	`service_id` integer NOT NULL,
	`related_service_id` integer NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`service_id`, `related_service_id`),
	FOREIGN KEY (`service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`related_service_id`) REFERENCES `service`(`id`) ON UPDATE no action ON DELETE cascade
);
