CREATE TABLE `saml_request` (
	`id` text PRIMARY KEY NOT NULL,
	`idp_entity_id` text NOT NULL,
	`sp_entity_id` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE INDEX `saml_request_expires` ON `saml_request` (`expires_at`);--> statement-breakpoint
CREATE TABLE `saml_seen_assertion` (
	`idp_entity_id` text NOT NULL,
	`assertion_id` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`idp_entity_id`, `assertion_id`)
);
--> statement-breakpoint
CREATE INDEX `saml_seen_assertion_expires` ON `saml_seen_assertion` (`expires_at`);