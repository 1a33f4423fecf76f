-- Triggers (decision 054) for the list columns that this session's other branches added beside
-- migration 0016: administration_area.area (0017), integration_route.area and
-- integration_system.target_kind (0014), retention_rule.action (0013). Printed by
-- `npm run db:domain-checks` (scripts/domain-checks-sql.ts).
CREATE TRIGGER `administration_area_area_domain_insert` BEFORE INSERT ON `administration_area` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'administration_area.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `administration_area_area_domain_update` BEFORE UPDATE OF `area` ON `administration_area` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'administration_area.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `administration_area` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `integration_route_area_domain_insert` BEFORE INSERT ON `integration_route` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'integration_route.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `integration_route_area_domain_update` BEFORE UPDATE OF `area` ON `integration_route` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'integration_route.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `integration_route` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `integration_system_target_kind_domain_insert` BEFORE INSERT ON `integration_system` WHEN NEW.`target_kind` IS NOT NULL AND NEW.`target_kind` NOT IN ('folder', 'webhook')
BEGIN
  SELECT RAISE(ABORT, 'integration_system.target_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `integration_system_target_kind_domain_update` BEFORE UPDATE OF `target_kind` ON `integration_system` WHEN NEW.`target_kind` IS NOT NULL AND NEW.`target_kind` NOT IN ('folder', 'webhook')
BEGIN
  SELECT RAISE(ABORT, 'integration_system.target_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `integration_system` SET `target_kind` = `target_kind` WHERE `target_kind` IS NOT NULL AND `target_kind` NOT IN ('folder', 'webhook');
--> statement-breakpoint
CREATE TRIGGER `retention_rule_action_domain_insert` BEFORE INSERT ON `retention_rule` WHEN NEW.`action` IS NOT NULL AND NEW.`action` NOT IN ('delete', 'thin')
BEGIN
  SELECT RAISE(ABORT, 'retention_rule.action: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `retention_rule_action_domain_update` BEFORE UPDATE OF `action` ON `retention_rule` WHEN NEW.`action` IS NOT NULL AND NEW.`action` NOT IN ('delete', 'thin')
BEGIN
  SELECT RAISE(ABORT, 'retention_rule.action: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `retention_rule` SET `action` = `action` WHERE `action` IS NOT NULL AND `action` NOT IN ('delete', 'thin');
