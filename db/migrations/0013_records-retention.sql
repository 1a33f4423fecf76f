CREATE TABLE `retention_rule` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_id` integer NOT NULL,
	`case_type` text NOT NULL,
	`action` text NOT NULL,
	`period_months` integer NOT NULL,
	`plan_reference` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "retention_rule_action" CHECK("retention_rule"."action" in ('delete', 'thin')),
	CONSTRAINT "retention_rule_period" CHECK("retention_rule"."period_months" between 1 and 1200)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `retention_rule_municipality_type` ON `retention_rule` (`municipality_id`,`case_type`);--> statement-breakpoint
ALTER TABLE `case` ADD `thinned_at` text;