-- Decision 106: a decision template and a case carry the law the case is decided under (the social-services
-- area holds SoL, LSS, bostadsanpassningsbidrag, färdtjänst and riksfärdtjänst cases); a template of a law
-- is offered only for cases of that law. The columns, their domain triggers (decision 054), then the
-- classification of existing rows.
ALTER TABLE `case` ADD `law` text;--> statement-breakpoint
ALTER TABLE `decision_template` ADD `law` text;
--> statement-breakpoint
CREATE TRIGGER `case_law_domain_insert` BEFORE INSERT ON `case` WHEN NEW.`law` IS NOT NULL AND NEW.`law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst')
BEGIN
  SELECT RAISE(ABORT, 'case.law: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `case_law_domain_update` BEFORE UPDATE OF `law` ON `case` WHEN NEW.`law` IS NOT NULL AND NEW.`law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst')
BEGIN
  SELECT RAISE(ABORT, 'case.law: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `case` SET `law` = `law` WHERE `law` IS NOT NULL AND `law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst');
--> statement-breakpoint
CREATE TRIGGER `decision_template_law_domain_insert` BEFORE INSERT ON `decision_template` WHEN NEW.`law` IS NOT NULL AND NEW.`law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.law: not one of the domain list''s values');
END;
--> statement-breakpoint
CREATE TRIGGER `decision_template_law_domain_update` BEFORE UPDATE OF `law` ON `decision_template` WHEN NEW.`law` IS NOT NULL AND NEW.`law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst')
BEGIN
  SELECT RAISE(ABORT, 'decision_template.law: not one of the domain list''s values');
END;
--> statement-breakpoint
UPDATE `decision_template` SET `law` = `law` WHERE `law` IS NOT NULL AND `law` NOT IN ('sol', 'lss', 'bab', 'fardtjanst', 'riksfardtjanst');
--> statement-breakpoint
-- The social area's templates by the route they carry (decision 099 seeded one pair per act): LSS,
-- bostadsanpassningsbidrag and färdtjänst name their route; the SoL pair uses the area's (null).
UPDATE `decision_template` SET `law` = CASE `appeal_route`
    WHEN 'lss-forvaltningsratten' THEN 'lss'
    WHEN 'bab-forvaltningsratten' THEN 'bab'
    WHEN 'fardtjanst-forvaltningsratten' THEN 'fardtjanst'
    ELSE 'sol'
  END
  WHERE `area` = 'socialtjanst' AND `law` IS NULL;
--> statement-breakpoint
-- Existing cases of the social area by their e-service; every other social e-service is SoL.
UPDATE `case` SET `law` = CASE `form_id`
    WHEN 'ansokan-lss' THEN 'lss'
    WHEN 'ansokan-bostadsanpassningsbidrag' THEN 'bab'
    WHEN 'ansokan-fardtjanst' THEN 'fardtjanst'
    WHEN 'ansokan-riksfardtjanst' THEN 'riksfardtjanst'
    ELSE 'sol'
  END
  WHERE `area` = 'socialtjanst' AND `law` IS NULL;
--> statement-breakpoint
-- The e-services themselves name their law from now on (the seed documents do; these rows were written before).
UPDATE `eservice_definition` SET `document` = json_set(`document`, '$.definition.law', 'lss')
  WHERE `form_id` = 'ansokan-lss' AND json_extract(`document`, '$.definition.caseType') = 'socialtjanst'
    AND json_extract(`document`, '$.definition.law') IS NULL;
--> statement-breakpoint
UPDATE `eservice_definition` SET `document` = json_set(`document`, '$.definition.law', 'bab')
  WHERE `form_id` = 'ansokan-bostadsanpassningsbidrag' AND json_extract(`document`, '$.definition.caseType') = 'socialtjanst'
    AND json_extract(`document`, '$.definition.law') IS NULL;
--> statement-breakpoint
UPDATE `eservice_definition` SET `document` = json_set(`document`, '$.definition.law', 'fardtjanst')
  WHERE `form_id` = 'ansokan-fardtjanst' AND json_extract(`document`, '$.definition.caseType') = 'socialtjanst'
    AND json_extract(`document`, '$.definition.law') IS NULL;
--> statement-breakpoint
UPDATE `eservice_definition` SET `document` = json_set(`document`, '$.definition.law', 'riksfardtjanst')
  WHERE `form_id` = 'ansokan-riksfardtjanst' AND json_extract(`document`, '$.definition.caseType') = 'socialtjanst'
    AND json_extract(`document`, '$.definition.law') IS NULL;
--> statement-breakpoint
-- The SoL pair cites the new socialtjänstlag (2025:400), in force from 1 July 2025: only rows still holding
-- the seeded wording (a text an admin has edited is left as it is).
UPDATE `decision_template` SET `text_sv` = '{body} beviljar bistånd enligt socialtjänstlagen (2025:400) i enlighet med ansökan {reference} från {applicant}. Insats och omfattning: ' WHERE `text_sv` = '{body} beviljar bistånd enligt socialtjänstlagen i enlighet med ansökan {reference} från {applicant}. Insats och omfattning: ';
--> statement-breakpoint
UPDATE `decision_template` SET `text_en` = '{body} grants assistance under the Social Services Act (2025:400) as applied for in {reference} by {applicant}. Support and extent: ' WHERE `text_en` = '{body} grants assistance under the Social Services Act as applied for in {reference} by {applicant}. Support and extent: ';
--> statement-breakpoint
UPDATE `decision_template` SET `text_sv` = '{body} avslår ansökan {reference} från {applicant} om bistånd enligt socialtjänstlagen (2025:400). Skäl: ' WHERE `text_sv` = '{body} avslår ansökan {reference} från {applicant} om bistånd enligt socialtjänstlagen. Skäl: ';
--> statement-breakpoint
UPDATE `decision_template` SET `text_en` = '{body} refuses application {reference} from {applicant} for assistance under the Social Services Act (2025:400). Reasons: ' WHERE `text_en` = '{body} refuses application {reference} from {applicant} for assistance under the Social Services Act. Reasons: ';
