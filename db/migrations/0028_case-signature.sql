CREATE TABLE `case_signature` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`case_id` integer NOT NULL,
	`party` text NOT NULL,
	`signer_hmac` text NOT NULL,
	`signer_person_id` integer,
	`signer_name` text NOT NULL,
	`language` text NOT NULL,
	`signed_text_hash` text NOT NULL,
	`user_signature` text NOT NULL,
	`issuer` text NOT NULL,
	`signed_at` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `case`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_signature_case` ON `case_signature` (`case_id`);--> statement-breakpoint
CREATE INDEX `case_signature_signer` ON `case_signature` (`signer_hmac`);