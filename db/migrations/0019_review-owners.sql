-- Review owners become staff usernames (docs/decisions/060). Custom SQL: drizzle-kit generates no
-- data changes. A free-text owner that names exactly one enabled staff user, by username, e-mail
-- address (case-insensitive) or full name, becomes that username; any other is left empty, and the
-- editor asks for an owner from the list at the next save.
UPDATE `service` SET `owner` = COALESCE(
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `username` = trim(`service`.`owner`)),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND lower(`email`) = lower(trim(`service`.`owner`))),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `name` = trim(`service`.`owner`)),
	''
);
--> statement-breakpoint
UPDATE `page` SET `owner` = COALESCE(
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `username` = trim(`page`.`owner`)),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND lower(`email`) = lower(trim(`page`.`owner`))),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `name` = trim(`page`.`owner`)),
	''
);
--> statement-breakpoint
UPDATE `news` SET `owner` = COALESCE(
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `username` = trim(`news`.`owner`)),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND lower(`email`) = lower(trim(`news`.`owner`))),
	(SELECT CASE WHEN count(*) = 1 THEN max(`username`) END FROM `staff_user` WHERE `disabled_at` IS NULL AND `name` = trim(`news`.`owner`)),
	''
);
