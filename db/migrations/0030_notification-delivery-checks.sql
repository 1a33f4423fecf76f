-- Domain checks (decision 054) for the delivery table's channel and status and the settings' language (decision 079).
CREATE TRIGGER `notification_delivery_channel_domain_insert` BEFORE INSERT ON `notification_delivery` WHEN NEW.`channel` IS NOT NULL AND NEW.`channel` NOT IN ('email', 'sms')
BEGIN
  SELECT RAISE(ABORT, 'notification_delivery.channel: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `notification_delivery_channel_domain_update` BEFORE UPDATE OF `channel` ON `notification_delivery` WHEN NEW.`channel` IS NOT NULL AND NEW.`channel` NOT IN ('email', 'sms')
BEGIN
  SELECT RAISE(ABORT, 'notification_delivery.channel: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `notification_delivery` SET `channel` = `channel` WHERE `channel` IS NOT NULL AND `channel` NOT IN ('email', 'sms');
--> statement-breakpoint
CREATE TRIGGER `notification_delivery_status_domain_insert` BEFORE INSERT ON `notification_delivery` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'sent', 'failed', 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'notification_delivery.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `notification_delivery_status_domain_update` BEFORE UPDATE OF `status` ON `notification_delivery` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'sent', 'failed', 'cancelled')
BEGIN
  SELECT RAISE(ABORT, 'notification_delivery.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `notification_delivery` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('pending', 'sent', 'failed', 'cancelled');
--> statement-breakpoint
CREATE TRIGGER `notification_setting_language_domain_insert` BEFORE INSERT ON `notification_setting` WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'notification_setting.language: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `notification_setting_language_domain_update` BEFORE UPDATE OF `language` ON `notification_setting` WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'notification_setting.language: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `notification_setting` SET `language` = `language` WHERE `language` IS NOT NULL AND `language` NOT IN ('sv', 'en');
