CREATE TABLE `notification_delivery` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`notification_id` integer NOT NULL,
	`channel` text NOT NULL,
	`recipient_hmac` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`last_error` text,
	`next_attempt_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`sent_at` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`notification_id`) REFERENCES `notification`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_delivery_once` ON `notification_delivery` (`notification_id`,`channel`);--> statement-breakpoint
CREATE INDEX `notification_delivery_due` ON `notification_delivery` (`status`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `notification_setting` ADD `sms_enabled` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `notification_setting` ADD `phone` text;--> statement-breakpoint
ALTER TABLE `notification_setting` ADD `language` text;