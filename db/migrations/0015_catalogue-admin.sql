PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_permit_taxa` (
	`municipality_id` integer NOT NULL,
	`valid_from` text DEFAULT '2000-01-01' NOT NULL,
	`config` text NOT NULL,
	`example` integer DEFAULT true NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	PRIMARY KEY(`municipality_id`, `valid_from`),
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_permit_taxa`("municipality_id", "valid_from", "config", "example", "updated_at") SELECT "municipality_id", '2000-01-01', "config", "example", "updated_at" FROM `permit_taxa`;--> statement-breakpoint
DROP TABLE `permit_taxa`;--> statement-breakpoint
ALTER TABLE `__new_permit_taxa` RENAME TO `permit_taxa`;--> statement-breakpoint
PRAGMA foreign_keys=ON;