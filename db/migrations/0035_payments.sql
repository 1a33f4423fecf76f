CREATE TABLE `fee_reduction` (
	`case_id` integer PRIMARY KEY NOT NULL,
	`deadline` text NOT NULL,
	`decided_on` text NOT NULL,
	`weeks_late` integer NOT NULL,
	`fee_before` integer NOT NULL,
	`fee_after` integer NOT NULL,
	`refund_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refund_id`) REFERENCES `payment_refund`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instruction_uuid` text NOT NULL,
	`provider` text DEFAULT 'swish' NOT NULL,
	`municipality_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`owner_key` text NOT NULL,
	`person_id` integer,
	`case_id` integer,
	`amount` integer NOT NULL,
	`payee_alias` text NOT NULL,
	`payer_alias` text NOT NULL,
	`message` text NOT NULL,
	`callback_identifier` text NOT NULL,
	`status` text DEFAULT 'CREATED' NOT NULL,
	`payment_reference` text,
	`error_code` text,
	`date_paid` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_instruction` ON `payment` (`instruction_uuid`);--> statement-breakpoint
CREATE INDEX `payment_owner` ON `payment` (`owner_key`);--> statement-breakpoint
CREATE INDEX `payment_case` ON `payment` (`case_id`);--> statement-breakpoint
CREATE INDEX `payment_municipality` ON `payment` (`municipality_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payment_merchant` (
	`municipality_id` integer PRIMARY KEY NOT NULL,
	`payee_alias` text NOT NULL,
	`cert_pem` text,
	`key_pem` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text NOT NULL,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment_refund` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`instruction_uuid` text NOT NULL,
	`payment_id` integer NOT NULL,
	`amount` integer NOT NULL,
	`reason` text NOT NULL,
	`callback_identifier` text NOT NULL,
	`requested_by` text NOT NULL,
	`status` text DEFAULT 'CREATED' NOT NULL,
	`error_code` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`payment_id`) REFERENCES `payment`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_refund_instruction` ON `payment_refund` (`instruction_uuid`);--> statement-breakpoint
CREATE INDEX `payment_refund_payment` ON `payment_refund` (`payment_id`);