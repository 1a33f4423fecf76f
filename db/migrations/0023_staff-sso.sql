CREATE TABLE `staff_sso_link` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`subject` text NOT NULL,
	`staff_user_id` integer NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`last_login_at` text,
	FOREIGN KEY (`provider_id`) REFERENCES `staff_sso_provider`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`staff_user_id`) REFERENCES `staff_user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_sso_link_subject` ON `staff_sso_link` (`provider_id`,`subject`);--> statement-breakpoint
CREATE INDEX `staff_sso_link_user` ON `staff_sso_link` (`staff_user_id`);--> statement-breakpoint
CREATE TABLE `staff_sso_mapping` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`provider_id` integer NOT NULL,
	`group_name` text NOT NULL,
	`role` text NOT NULL,
	`municipality_id` integer NOT NULL,
	`area` text,
	`administration_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`provider_id`) REFERENCES `staff_sso_provider`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`administration_id`) REFERENCES `administration`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sso_mapping_provider_group` ON `staff_sso_mapping` (`provider_id`,`group_name`);--> statement-breakpoint
CREATE TABLE `staff_sso_provider` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`protocol` text NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`oidc_issuer` text,
	`oidc_client_id` text,
	`oidc_client_secret_encrypted` text,
	`saml_idp_entity_id` text,
	`saml_sso_url` text,
	`saml_slo_url` text,
	`saml_idp_certificate` text,
	`groups_attribute` text DEFAULT 'groups' NOT NULL,
	`mfa_values` text DEFAULT '[]' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE TABLE `staff_sso_provider_municipality` (
	`provider_id` integer NOT NULL,
	`municipality_id` integer NOT NULL,
	PRIMARY KEY(`provider_id`, `municipality_id`),
	FOREIGN KEY (`provider_id`) REFERENCES `staff_sso_provider`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`municipality_id`) REFERENCES `municipality`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `municipality` ADD `staff_sso_required` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `role_assignment` ADD `sso_mapping_id` integer REFERENCES staff_sso_mapping(id);--> statement-breakpoint
ALTER TABLE `session` ADD `sso_provider_id` integer;--> statement-breakpoint
ALTER TABLE `session` ADD `sso_session_index` text;