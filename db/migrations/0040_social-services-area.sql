-- Decision 099: the social-services area (socialtjanst) and three appeal routes to förvaltningsrätten
-- (LSS, bostadsanpassningsbidrag, färdtjänst) join their lists: every area and appeal_route column's
-- trigger pair is dropped and recreated with the new list (decision 054).
DROP TRIGGER IF EXISTS `administration_area_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `administration_area_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `administration_area_area_domain_insert` BEFORE INSERT ON `administration_area` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'administration_area.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `administration_area_area_domain_update` BEFORE UPDATE OF `area` ON `administration_area` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'administration_area.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `area_delegation_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `area_delegation_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `area_delegation_area_domain_insert` BEFORE INSERT ON `area_delegation` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'area_delegation.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `area_delegation_area_domain_update` BEFORE UPDATE OF `area` ON `area_delegation` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'area_delegation.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `case_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `case_area_domain_insert` BEFORE INSERT ON `case` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'case.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_area_domain_update` BEFORE UPDATE OF `area` ON `case` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'case.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_body_appeal_route_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_body_appeal_route_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `decision_body_appeal_route_domain_insert` BEFORE INSERT ON `decision_body` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning', 'lss-forvaltningsratten', 'bab-forvaltningsratten', 'fardtjanst-forvaltningsratten')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_body_appeal_route_domain_update` BEFORE UPDATE OF `appeal_route` ON `decision_body` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning', 'lss-forvaltningsratten', 'bab-forvaltningsratten', 'fardtjanst-forvaltningsratten')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_body_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_body_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `decision_body_area_domain_insert` BEFORE INSERT ON `decision_body` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_body_area_domain_update` BEFORE UPDATE OF `area` ON `decision_body` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_template_appeal_route_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_template_appeal_route_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `decision_template_appeal_route_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning', 'lss-forvaltningsratten', 'bab-forvaltningsratten', 'fardtjanst-forvaltningsratten')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_appeal_route_domain_update` BEFORE UPDATE OF `appeal_route` ON `decision_template` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning', 'lss-forvaltningsratten', 'bab-forvaltningsratten', 'fardtjanst-forvaltningsratten')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_template_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `decision_template_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `decision_template_area_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_area_domain_update` BEFORE UPDATE OF `area` ON `decision_template` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `delegation_point_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `delegation_point_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `delegation_point_area_domain_insert` BEFORE INSERT ON `delegation_point` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'delegation_point.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `delegation_point_area_domain_update` BEFORE UPDATE OF `area` ON `delegation_point` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'delegation_point.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `diarium_entry_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `diarium_entry_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_area_domain_insert` BEFORE INSERT ON `diarium_entry` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_area_domain_update` BEFORE UPDATE OF `area` ON `diarium_entry` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `integration_route_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `integration_route_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `integration_route_area_domain_insert` BEFORE INSERT ON `integration_route` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'integration_route.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `integration_route_area_domain_update` BEFORE UPDATE OF `area` ON `integration_route` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'integration_route.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `role_assignment_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `role_assignment_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_area_domain_insert` BEFORE INSERT ON `role_assignment` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_area_domain_update` BEFORE UPDATE OF `area` ON `role_assignment` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.area: not one of the domain list''s values');
END;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `staff_sso_mapping_area_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `staff_sso_mapping_area_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `staff_sso_mapping_area_domain_insert` BEFORE INSERT ON `staff_sso_mapping` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_sso_mapping_area_domain_update` BEFORE UPDATE OF `area` ON `staff_sso_mapping` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant', 'socialtjanst')
BEGIN
  SELECT RAISE(ABORT, 'staff_sso_mapping.area: not one of the domain list''s values');
END;
--> statement-breakpoint
-- An administration named socialtjanst receives the new area where nothing else does yet (an admin moves it at /admin/kommuner).
INSERT INTO `administration_area` (`municipality_id`, `administration_id`, `area`) SELECT a.`municipality_id`, a.`id`, 'socialtjanst' FROM `administration` a WHERE a.`slug` = 'socialtjanst' AND a.`retired_at` IS NULL AND NOT EXISTS (SELECT 1 FROM `administration_area` x WHERE x.`municipality_id` = a.`municipality_id` AND x.`area` = 'socialtjanst');
