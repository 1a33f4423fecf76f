-- Decision 077: the new tables' list columns, and the preparer (beredare) role among the staff roles.
CREATE TRIGGER `decision_body_appeal_route_domain_insert` BEFORE INSERT ON `decision_body` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_body_appeal_route_domain_update` BEFORE UPDATE OF `appeal_route` ON `decision_body` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_body` SET `appeal_route` = `appeal_route` WHERE `appeal_route` IS NOT NULL AND `appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning');
--> statement-breakpoint
CREATE TRIGGER `decision_body_area_domain_insert` BEFORE INSERT ON `decision_body` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_body_area_domain_update` BEFORE UPDATE OF `area` ON `decision_body` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'decision_body.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_body` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `decision_template_appeal_route_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_appeal_route_domain_update` BEFORE UPDATE OF `appeal_route` ON `decision_template` WHEN NEW.`appeal_route` IS NOT NULL AND NEW.`appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.appeal_route: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_template` SET `appeal_route` = `appeal_route` WHERE `appeal_route` IS NOT NULL AND `appeal_route` NOT IN ('pbl-lansstyrelsen', 'skollagen-forvaltningsratten', 'sol-forvaltningsratten', 'laglighetsprovning');
--> statement-breakpoint
CREATE TRIGGER `decision_template_area_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_area_domain_update` BEFORE UPDATE OF `area` ON `decision_template` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_template` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `decision_template_outcome_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`outcome` IS NOT NULL AND NEW.`outcome` NOT IN ('approved', 'rejected', 'dismissed')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.outcome: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_outcome_domain_update` BEFORE UPDATE OF `outcome` ON `decision_template` WHEN NEW.`outcome` IS NOT NULL AND NEW.`outcome` NOT IN ('approved', 'rejected', 'dismissed')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.outcome: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_template` SET `outcome` = `outcome` WHERE `outcome` IS NOT NULL AND `outcome` NOT IN ('approved', 'rejected', 'dismissed');
--> statement-breakpoint
CREATE TRIGGER `delegation_holder_role_domain_insert` BEFORE INSERT ON `delegation_holder` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer', 'preparer')
BEGIN
  SELECT RAISE(ABORT, 'delegation_holder.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `delegation_holder_role_domain_update` BEFORE UPDATE OF `role` ON `delegation_holder` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer', 'preparer')
BEGIN
  SELECT RAISE(ABORT, 'delegation_holder.role: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `delegation_holder` SET `role` = `role` WHERE `role` IS NOT NULL AND `role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer', 'preparer');
--> statement-breakpoint
CREATE TRIGGER `delegation_point_area_domain_insert` BEFORE INSERT ON `delegation_point` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'delegation_point.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `delegation_point_area_domain_update` BEFORE UPDATE OF `area` ON `delegation_point` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'delegation_point.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `delegation_point` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
DROP TRIGGER IF EXISTS `role_assignment_role_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `role_assignment_role_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_insert` BEFORE INSERT ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer', 'preparer')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_update` BEFORE UPDATE OF `role` ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer', 'preparer')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
