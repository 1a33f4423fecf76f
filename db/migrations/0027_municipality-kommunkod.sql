ALTER TABLE `municipality` ADD `kommunkod` text;--> statement-breakpoint
CREATE UNIQUE INDEX `municipality_kommunkod_unique` ON `municipality` (`kommunkod`);