ALTER TABLE `person` ADD `protected_identity` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `case` ADD `protected_identity` integer DEFAULT false NOT NULL;