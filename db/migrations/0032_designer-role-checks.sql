-- Decision 075: the designer role joins the staff roles the database accepts (decision 054), and the new status list gets its pair.
DROP TRIGGER IF EXISTS `role_assignment_role_domain_insert`;
--> statement-breakpoint
DROP TRIGGER IF EXISTS `role_assignment_role_domain_update`;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_insert` BEFORE INSERT ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_update` BEFORE UPDATE OF `role` ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin', 'designer')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `eservice_definition_status_domain_insert` BEFORE INSERT ON `eservice_definition` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'retired')
BEGIN
  SELECT RAISE(ABORT, 'eservice_definition.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `eservice_definition_status_domain_update` BEFORE UPDATE OF `status` ON `eservice_definition` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'retired')
BEGIN
  SELECT RAISE(ABORT, 'eservice_definition.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `eservice_definition` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('draft', 'published', 'retired');
