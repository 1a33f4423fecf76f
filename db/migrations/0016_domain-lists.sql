-- Every text column with a closed list of values (drizzle `text(…, { enum })`, declared once in
-- app/domain/ or beside its table) is checked by the database (decision 054). SQLite cannot add
-- a CHECK to an existing table without rebuilding it and every table that references it, so
-- each column gets a BEFORE INSERT and a BEFORE UPDATE trigger, as audit_event's append-only
-- rule does (0002). Generated from the schema by db/domain-checks.ts; the integration test
-- tests/integration/domain-checks.test.ts compares these triggers with the schema's lists.
-- After each pair, a no-op UPDATE of the rows outside the list fires the new trigger: a
-- database holding a value outside a list stops this migration (rolled back) with the column's
-- name, instead of keeping a row the types say cannot exist.
CREATE TRIGGER `area_delegation_area_domain_insert` BEFORE INSERT ON `area_delegation` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'area_delegation.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `area_delegation_area_domain_update` BEFORE UPDATE OF `area` ON `area_delegation` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'area_delegation.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `area_delegation` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `authority_level_domain_insert` BEFORE INSERT ON `authority` WHEN NEW.`level` IS NOT NULL AND NEW.`level` NOT IN ('county', 'state', 'eu')
BEGIN
  SELECT RAISE(ABORT, 'authority.level: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `authority_level_domain_update` BEFORE UPDATE OF `level` ON `authority` WHEN NEW.`level` IS NOT NULL AND NEW.`level` NOT IN ('county', 'state', 'eu')
BEGIN
  SELECT RAISE(ABORT, 'authority.level: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `authority` SET `level` = `level` WHERE `level` IS NOT NULL AND `level` NOT IN ('county', 'state', 'eu');
--> statement-breakpoint
CREATE TRIGGER `case_decision_outcome_domain_insert` BEFORE INSERT ON `case_decision` WHEN NEW.`outcome` IS NOT NULL AND NEW.`outcome` NOT IN ('approved', 'rejected', 'dismissed')
BEGIN
  SELECT RAISE(ABORT, 'case_decision.outcome: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_decision_outcome_domain_update` BEFORE UPDATE OF `outcome` ON `case_decision` WHEN NEW.`outcome` IS NOT NULL AND NEW.`outcome` NOT IN ('approved', 'rejected', 'dismissed')
BEGIN
  SELECT RAISE(ABORT, 'case_decision.outcome: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case_decision` SET `outcome` = `outcome` WHERE `outcome` IS NOT NULL AND `outcome` NOT IN ('approved', 'rejected', 'dismissed');
--> statement-breakpoint
CREATE TRIGGER `case_event_from_status_domain_insert` BEFORE INSERT ON `case_event` WHEN NEW.`from_status` IS NOT NULL AND NEW.`from_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'case_event.from_status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_event_from_status_domain_update` BEFORE UPDATE OF `from_status` ON `case_event` WHEN NEW.`from_status` IS NOT NULL AND NEW.`from_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'case_event.from_status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case_event` SET `from_status` = `from_status` WHERE `from_status` IS NOT NULL AND `from_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn');
--> statement-breakpoint
CREATE TRIGGER `case_event_to_status_domain_insert` BEFORE INSERT ON `case_event` WHEN NEW.`to_status` IS NOT NULL AND NEW.`to_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn', 'extended')
BEGIN
  SELECT RAISE(ABORT, 'case_event.to_status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_event_to_status_domain_update` BEFORE UPDATE OF `to_status` ON `case_event` WHEN NEW.`to_status` IS NOT NULL AND NEW.`to_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn', 'extended')
BEGIN
  SELECT RAISE(ABORT, 'case_event.to_status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case_event` SET `to_status` = `to_status` WHERE `to_status` IS NOT NULL AND `to_status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn', 'extended');
--> statement-breakpoint
CREATE TRIGGER `case_export_status_domain_insert` BEFORE INSERT ON `case_export` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'delivered')
BEGIN
  SELECT RAISE(ABORT, 'case_export.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_export_status_domain_update` BEFORE UPDATE OF `status` ON `case_export` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'delivered')
BEGIN
  SELECT RAISE(ABORT, 'case_export.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case_export` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('pending', 'delivered');
--> statement-breakpoint
CREATE TRIGGER `case_area_domain_insert` BEFORE INSERT ON `case` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'case.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_area_domain_update` BEFORE UPDATE OF `area` ON `case` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'case.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `case_status_domain_insert` BEFORE INSERT ON `case` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'case.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_status_domain_update` BEFORE UPDATE OF `status` ON `case` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'case.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn');
--> statement-breakpoint
CREATE TRIGGER `childcare_application_queue_status_domain_insert` BEFORE INSERT ON `childcare_application` WHEN NEW.`queue_status` IS NOT NULL AND NEW.`queue_status` NOT IN ('queued', 'offered', 'placed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'childcare_application.queue_status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `childcare_application_queue_status_domain_update` BEFORE UPDATE OF `queue_status` ON `childcare_application` WHEN NEW.`queue_status` IS NOT NULL AND NEW.`queue_status` NOT IN ('queued', 'offered', 'placed', 'closed')
BEGIN
  SELECT RAISE(ABORT, 'childcare_application.queue_status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `childcare_application` SET `queue_status` = `queue_status` WHERE `queue_status` IS NOT NULL AND `queue_status` NOT IN ('queued', 'offered', 'placed', 'closed');
--> statement-breakpoint
CREATE TRIGGER `childcare_offer_status_domain_insert` BEFORE INSERT ON `childcare_offer` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'accepted', 'declined', 'lapsed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'childcare_offer.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `childcare_offer_status_domain_update` BEFORE UPDATE OF `status` ON `childcare_offer` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('pending', 'accepted', 'declined', 'lapsed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'childcare_offer.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `childcare_offer` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('pending', 'accepted', 'declined', 'lapsed', 'withdrawn');
--> statement-breakpoint
CREATE TRIGGER `childcare_placement_status_domain_insert` BEFORE INSERT ON `childcare_placement` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('active', 'terminated')
BEGIN
  SELECT RAISE(ABORT, 'childcare_placement.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `childcare_placement_status_domain_update` BEFORE UPDATE OF `status` ON `childcare_placement` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('active', 'terminated')
BEGIN
  SELECT RAISE(ABORT, 'childcare_placement.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `childcare_placement` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('active', 'terminated');
--> statement-breakpoint
CREATE TRIGGER `content_version_content_type_domain_insert` BEFORE INSERT ON `content_version` WHEN NEW.`content_type` IS NOT NULL AND NEW.`content_type` NOT IN ('service', 'page', 'news')
BEGIN
  SELECT RAISE(ABORT, 'content_version.content_type: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_content_type_domain_update` BEFORE UPDATE OF `content_type` ON `content_version` WHEN NEW.`content_type` IS NOT NULL AND NEW.`content_type` NOT IN ('service', 'page', 'news')
BEGIN
  SELECT RAISE(ABORT, 'content_version.content_type: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `content_version` SET `content_type` = `content_type` WHERE `content_type` IS NOT NULL AND `content_type` NOT IN ('service', 'page', 'news');
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_area_domain_insert` BEFORE INSERT ON `diarium_entry` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_area_domain_update` BEFORE UPDATE OF `area` ON `diarium_entry` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `diarium_entry` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_status_domain_insert` BEFORE INSERT ON `diarium_entry` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `diarium_entry_status_domain_update` BEFORE UPDATE OF `status` ON `diarium_entry` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn')
BEGIN
  SELECT RAISE(ABORT, 'diarium_entry.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `diarium_entry` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('awaiting_signatures', 'signature_declined', 'received', 'in_progress', 'awaiting_completion', 'complete', 'place_offered', 'place_accepted', 'place_declined', 'decided', 'closed', 'withdrawn');
--> statement-breakpoint
CREATE TRIGGER `life_event_step_actor_kind_domain_insert` BEFORE INSERT ON `life_event_step` WHEN NEW.`actor_kind` IS NOT NULL AND NEW.`actor_kind` NOT IN ('municipality', 'authority')
BEGIN
  SELECT RAISE(ABORT, 'life_event_step.actor_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `life_event_step_actor_kind_domain_update` BEFORE UPDATE OF `actor_kind` ON `life_event_step` WHEN NEW.`actor_kind` IS NOT NULL AND NEW.`actor_kind` NOT IN ('municipality', 'authority')
BEGIN
  SELECT RAISE(ABORT, 'life_event_step.actor_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `life_event_step` SET `actor_kind` = `actor_kind` WHERE `actor_kind` IS NOT NULL AND `actor_kind` NOT IN ('municipality', 'authority');
--> statement-breakpoint
CREATE TRIGGER `news_status_domain_insert` BEFORE INSERT ON `news` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'news.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `news_status_domain_update` BEFORE UPDATE OF `status` ON `news` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'news.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `news` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('draft', 'published', 'unpublished');
--> statement-breakpoint
CREATE TRIGGER `notification_email_status_domain_insert` BEFORE INSERT ON `notification` WHEN NEW.`email_status` IS NOT NULL AND NEW.`email_status` NOT IN ('off', 'pending', 'sent', 'failed', 'no-address')
BEGIN
  SELECT RAISE(ABORT, 'notification.email_status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `notification_email_status_domain_update` BEFORE UPDATE OF `email_status` ON `notification` WHEN NEW.`email_status` IS NOT NULL AND NEW.`email_status` NOT IN ('off', 'pending', 'sent', 'failed', 'no-address')
BEGIN
  SELECT RAISE(ABORT, 'notification.email_status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `notification` SET `email_status` = `email_status` WHERE `email_status` IS NOT NULL AND `email_status` NOT IN ('off', 'pending', 'sent', 'failed', 'no-address');
--> statement-breakpoint
CREATE TRIGGER `page_kind_domain_insert` BEFORE INSERT ON `page` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('activity', 'page')
BEGIN
  SELECT RAISE(ABORT, 'page.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `page_kind_domain_update` BEFORE UPDATE OF `kind` ON `page` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('activity', 'page')
BEGIN
  SELECT RAISE(ABORT, 'page.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `page` SET `kind` = `kind` WHERE `kind` IS NOT NULL AND `kind` NOT IN ('activity', 'page');
--> statement-breakpoint
CREATE TRIGGER `page_status_domain_insert` BEFORE INSERT ON `page` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'page.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `page_status_domain_update` BEFORE UPDATE OF `status` ON `page` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'page.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `page` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('draft', 'published', 'unpublished');
--> statement-breakpoint
CREATE TRIGGER `representation_role_domain_insert` BEFORE INSERT ON `representation` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('firmatecknare', 'ombud')
BEGIN
  SELECT RAISE(ABORT, 'representation.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `representation_role_domain_update` BEFORE UPDATE OF `role` ON `representation` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('firmatecknare', 'ombud')
BEGIN
  SELECT RAISE(ABORT, 'representation.role: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `representation` SET `role` = `role` WHERE `role` IS NOT NULL AND `role` NOT IN ('firmatecknare', 'ombud');
--> statement-breakpoint
CREATE TRIGGER `review_reminder_content_type_domain_insert` BEFORE INSERT ON `review_reminder` WHEN NEW.`content_type` IS NOT NULL AND NEW.`content_type` NOT IN ('service', 'page', 'news')
BEGIN
  SELECT RAISE(ABORT, 'review_reminder.content_type: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `review_reminder_content_type_domain_update` BEFORE UPDATE OF `content_type` ON `review_reminder` WHEN NEW.`content_type` IS NOT NULL AND NEW.`content_type` NOT IN ('service', 'page', 'news')
BEGIN
  SELECT RAISE(ABORT, 'review_reminder.content_type: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `review_reminder` SET `content_type` = `content_type` WHERE `content_type` IS NOT NULL AND `content_type` NOT IN ('service', 'page', 'news');
--> statement-breakpoint
CREATE TRIGGER `role_assignment_area_domain_insert` BEFORE INSERT ON `role_assignment` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.area: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_area_domain_update` BEFORE UPDATE OF `area` ON `role_assignment` WHEN NEW.`area` IS NOT NULL AND NEW.`area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.area: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `role_assignment` SET `area` = `area` WHERE `area` IS NOT NULL AND `area` NOT IN ('barnomsorg', 'skola', 'bygglov', 'allmant');
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_insert` BEFORE INSERT ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `role_assignment_role_domain_update` BEFORE UPDATE OF `role` ON `role_assignment` WHEN NEW.`role` IS NOT NULL AND NEW.`role` NOT IN ('officer', 'editor', 'contributor', 'admin')
BEGIN
  SELECT RAISE(ABORT, 'role_assignment.role: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `role_assignment` SET `role` = `role` WHERE `role` IS NOT NULL AND `role` NOT IN ('officer', 'editor', 'contributor', 'admin');
--> statement-breakpoint
CREATE TRIGGER `search_document_lang_domain_insert` BEFORE INSERT ON `search_document` WHEN NEW.`lang` IS NOT NULL AND NEW.`lang` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'search_document.lang: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `search_document_lang_domain_update` BEFORE UPDATE OF `lang` ON `search_document` WHEN NEW.`lang` IS NOT NULL AND NEW.`lang` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'search_document.lang: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `search_document` SET `lang` = `lang` WHERE `lang` IS NOT NULL AND `lang` NOT IN ('sv', 'en');
--> statement-breakpoint
CREATE TRIGGER `service_status_domain_insert` BEFORE INSERT ON `service` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'service.status: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `service_status_domain_update` BEFORE UPDATE OF `status` ON `service` WHEN NEW.`status` IS NOT NULL AND NEW.`status` NOT IN ('draft', 'published', 'unpublished')
BEGIN
  SELECT RAISE(ABORT, 'service.status: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `service` SET `status` = `status` WHERE `status` IS NOT NULL AND `status` NOT IN ('draft', 'published', 'unpublished');
--> statement-breakpoint
CREATE TRIGGER `session_acting_kind_domain_insert` BEFORE INSERT ON `session` WHEN NEW.`acting_kind` IS NOT NULL AND NEW.`acting_kind` NOT IN ('self', 'organisation')
BEGIN
  SELECT RAISE(ABORT, 'session.acting_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `session_acting_kind_domain_update` BEFORE UPDATE OF `acting_kind` ON `session` WHEN NEW.`acting_kind` IS NOT NULL AND NEW.`acting_kind` NOT IN ('self', 'organisation')
BEGIN
  SELECT RAISE(ABORT, 'session.acting_kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `session` SET `acting_kind` = `acting_kind` WHERE `acting_kind` IS NOT NULL AND `acting_kind` NOT IN ('self', 'organisation');
--> statement-breakpoint
CREATE TRIGGER `session_kind_domain_insert` BEFORE INSERT ON `session` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('resident', 'staff')
BEGIN
  SELECT RAISE(ABORT, 'session.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `session_kind_domain_update` BEFORE UPDATE OF `kind` ON `session` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('resident', 'staff')
BEGIN
  SELECT RAISE(ABORT, 'session.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `session` SET `kind` = `kind` WHERE `kind` IS NOT NULL AND `kind` NOT IN ('resident', 'staff');
--> statement-breakpoint
CREATE TRIGGER `session_stage_domain_insert` BEFORE INSERT ON `session` WHEN NEW.`stage` IS NOT NULL AND NEW.`stage` NOT IN ('active', 'second-factor', 'enrol')
BEGIN
  SELECT RAISE(ABORT, 'session.stage: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `session_stage_domain_update` BEFORE UPDATE OF `stage` ON `session` WHEN NEW.`stage` IS NOT NULL AND NEW.`stage` NOT IN ('active', 'second-factor', 'enrol')
BEGIN
  SELECT RAISE(ABORT, 'session.stage: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `session` SET `stage` = `stage` WHERE `stage` IS NOT NULL AND `stage` NOT IN ('active', 'second-factor', 'enrol');
--> statement-breakpoint
CREATE TRIGGER `staff_user_language_domain_insert` BEFORE INSERT ON `staff_user` WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'staff_user.language: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `staff_user_language_domain_update` BEFORE UPDATE OF `language` ON `staff_user` WHEN NEW.`language` IS NOT NULL AND NEW.`language` NOT IN ('sv', 'en')
BEGIN
  SELECT RAISE(ABORT, 'staff_user.language: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `staff_user` SET `language` = `language` WHERE `language` IS NOT NULL AND `language` NOT IN ('sv', 'en');
--> statement-breakpoint
CREATE TRIGGER `supplement_request_kind_domain_insert` BEFORE INSERT ON `supplement_request` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('completeness', 'clarification')
BEGIN
  SELECT RAISE(ABORT, 'supplement_request.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `supplement_request_kind_domain_update` BEFORE UPDATE OF `kind` ON `supplement_request` WHEN NEW.`kind` IS NOT NULL AND NEW.`kind` NOT IN ('completeness', 'clarification')
BEGIN
  SELECT RAISE(ABORT, 'supplement_request.kind: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `supplement_request` SET `kind` = `kind` WHERE `kind` IS NOT NULL AND `kind` NOT IN ('completeness', 'clarification');
