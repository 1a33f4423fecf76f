ALTER TABLE `area_delegation` ADD `ended_at` text;--> statement-breakpoint
ALTER TABLE `childcare_unit` ADD `closed_at` text;