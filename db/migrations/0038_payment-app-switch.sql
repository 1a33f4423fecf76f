ALTER TABLE `payment` ADD `request_token` text;--> statement-breakpoint
ALTER TABLE `payment_merchant` ADD `callback_url` text;