-- Domain checks (decision 054) for the staff SSO tables' list columns, as printed by npm run db:domain-checks.
CREATE TRIGGER `staff_sso_mapping_area_domain_insert` BEFORE INSERT ON `staff_sso_mapping` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_sso_mapping_area_domain_update` BEFORE UPDATE OF `area` ON `staff_sso_mapping` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `staff_sso_mapping` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `staff_sso_mapping_role_domain_insert` BEFORE INSERT ON `staff_sso_mapping` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_sso_mapping_role_domain_update` BEFORE UPDATE OF `role` ON `staff_sso_mapping` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.role: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `staff_sso_mapping` SET `role` = `role` WHERE `role` IS NOT NULL AND `role` NOT IN ('officer', 'editor', 'contributor', 'admin');
--> statement-breakpoint
CREATE TRIGGER `staff_sso_provider_protocol_domain_insert` BEFORE INSERT ON `staff_sso_provider` WHEN NEW.`protocol` IS NOT NULL AND NEW.`protocol` NOT IN ('oidc', 'saml')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_provider.protocol: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_sso_provider_protocol_domain_update` BEFORE UPDATE OF `protocol` ON `staff_sso_provider` WHEN NEW.`protocol` IS NOT NULL AND NEW.`protocol` NOT IN ('oidc', 'saml')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_provider.protocol: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `staff_sso_provider` SET `protocol` = `protocol` WHERE `protocol` IS NOT NULL AND `protocol` NOT IN ('oidc', 'saml');
