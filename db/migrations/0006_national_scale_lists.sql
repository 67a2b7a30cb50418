CREATE TABLE `course_starts` (
	`year` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`courses` integer NOT NULL,
	PRIMARY KEY(`year`, `municipality_code`)
);
--> statement-breakpoint
CREATE TABLE `mentee_industry_index` (
	`mentee_id` integer NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`referred_at` text NOT NULL,
	PRIMARY KEY(`mentee_id`, `code`),
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentee_industry_index_queue_idx` ON `mentee_industry_index` (`code`,`status`,`referred_at`,`mentee_id`,`municipality_code`);--> statement-breakpoint
ALTER TABLE `job_runs` ADD `status` text DEFAULT 'done' NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `last_error` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `next_attempt_at` text;--> statement-breakpoint
ALTER TABLE `job_runs` ADD `lease_until` text;--> statement-breakpoint
CREATE INDEX `job_runs_status_idx` ON `job_runs` (`status`,`run_key`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_type_idx` ON `audit_log` (`entity_type`,`at`);--> statement-breakpoint
CREATE INDEX `courses_mentee_ended_idx` ON `courses` (`mentee_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `mentees_retention_idx` ON `mentees` (`anonymised_at`,`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `mentees_municipality_referred_idx` ON `mentees` (`municipality_code`,`referred_at`,`first_name`,`last_name`);--> statement-breakpoint
CREATE INDEX `mentors_created_idx` ON `mentors` (`created_at`);--> statement-breakpoint
CREATE INDEX `mentors_pool_idx` ON `mentors` (`status`,`anonymised_at`);--> statement-breakpoint
CREATE INDEX `mentors_travel_idx` ON `mentors` (`travel_km`);--> statement-breakpoint
CREATE INDEX `messages_status_idx` ON `messages` (`status`);--> statement-breakpoint
CREATE INDEX `messages_channel_idx` ON `messages` (`channel`);--> statement-breakpoint
CREATE INDEX `messages_status_channel_idx` ON `messages` (`status`,`channel`);--> statement-breakpoint
-- The coordinator queue's industry filter (mentee_industry_index in db/schema.ts): one row per wished DB07 division and
-- one per section of a wished division, with the citizen's status, municipality and referral time. These triggers keep
-- it on every write of a citizen, whichever code path writes; the INSERT below fills it once for those already referred.
CREATE TRIGGER mentee_industry_index_insert AFTER INSERT ON `mentees` BEGIN
  INSERT OR IGNORE INTO `mentee_industry_index` (`mentee_id`, `code`, `status`, `municipality_code`, `referred_at`)
    SELECT NEW.`id`, j.value, NEW.`status`, NEW.`municipality_code`, NEW.`referred_at` FROM json_each(NEW.`wished_industry_codes`) j WHERE j.type = 'text'
    UNION SELECT NEW.`id`, i.`section`, NEW.`status`, NEW.`municipality_code`, NEW.`referred_at`
      FROM json_each(NEW.`wished_industry_codes`) j JOIN `industries` i ON i.`code` = j.value;
END;
--> statement-breakpoint
CREATE TRIGGER mentee_industry_index_wishes AFTER UPDATE OF `wished_industry_codes` ON `mentees` BEGIN
  DELETE FROM `mentee_industry_index` WHERE `mentee_id` = NEW.`id`;
  INSERT OR IGNORE INTO `mentee_industry_index` (`mentee_id`, `code`, `status`, `municipality_code`, `referred_at`)
    SELECT NEW.`id`, j.value, NEW.`status`, NEW.`municipality_code`, NEW.`referred_at` FROM json_each(NEW.`wished_industry_codes`) j WHERE j.type = 'text'
    UNION SELECT NEW.`id`, i.`section`, NEW.`status`, NEW.`municipality_code`, NEW.`referred_at`
      FROM json_each(NEW.`wished_industry_codes`) j JOIN `industries` i ON i.`code` = j.value;
END;
--> statement-breakpoint
CREATE TRIGGER mentee_industry_index_status AFTER UPDATE OF `status`, `municipality_code`, `referred_at` ON `mentees` BEGIN
  UPDATE `mentee_industry_index` SET `status` = NEW.`status`, `municipality_code` = NEW.`municipality_code`, `referred_at` = NEW.`referred_at`
    WHERE `mentee_id` = NEW.`id`;
END;
--> statement-breakpoint
INSERT OR IGNORE INTO `mentee_industry_index` (`mentee_id`, `code`, `status`, `municipality_code`, `referred_at`)
  SELECT m.`id`, j.value, m.`status`, m.`municipality_code`, m.`referred_at` FROM `mentees` m, json_each(m.`wished_industry_codes`) j WHERE j.type = 'text'
  UNION SELECT m.`id`, i.`section`, m.`status`, m.`municipality_code`, m.`referred_at`
    FROM `mentees` m, json_each(m.`wished_industry_codes`) j JOIN `industries` i ON i.`code` = j.value;
--> statement-breakpoint
-- Courses started per year and municipality (course_starts in db/schema.ts), kept whenever a course gets, changes or
-- loses its start date, and filled once here.
CREATE TRIGGER course_starts_insert AFTER INSERT ON `courses` WHEN NEW.`start_date` IS NOT NULL BEGIN
  INSERT INTO `course_starts` (`year`, `municipality_code`, `courses`)
    SELECT substr(NEW.`start_date`, 1, 4), m.`municipality_code`, 1 FROM `mentees` m WHERE m.`id` = NEW.`mentee_id`
    ON CONFLICT (`year`, `municipality_code`) DO UPDATE SET `courses` = `courses` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER course_starts_update AFTER UPDATE OF `start_date`, `mentee_id` ON `courses`
WHEN OLD.`start_date` IS NOT NEW.`start_date` OR OLD.`mentee_id` IS NOT NEW.`mentee_id` BEGIN
  UPDATE `course_starts` SET `courses` = `courses` - 1
    WHERE OLD.`start_date` IS NOT NULL AND `year` = substr(OLD.`start_date`, 1, 4)
      AND `municipality_code` = (SELECT `municipality_code` FROM `mentees` WHERE `id` = OLD.`mentee_id`);
  INSERT INTO `course_starts` (`year`, `municipality_code`, `courses`)
    SELECT substr(NEW.`start_date`, 1, 4), m.`municipality_code`, 1 FROM `mentees` m WHERE m.`id` = NEW.`mentee_id` AND NEW.`start_date` IS NOT NULL
    ON CONFLICT (`year`, `municipality_code`) DO UPDATE SET `courses` = `courses` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER course_starts_delete AFTER DELETE ON `courses` WHEN OLD.`start_date` IS NOT NULL BEGIN
  UPDATE `course_starts` SET `courses` = `courses` - 1
    WHERE `year` = substr(OLD.`start_date`, 1, 4) AND `municipality_code` = (SELECT `municipality_code` FROM `mentees` WHERE `id` = OLD.`mentee_id`);
END;
--> statement-breakpoint
INSERT INTO `course_starts` (`year`, `municipality_code`, `courses`)
  SELECT substr(c.`start_date`, 1, 4), m.`municipality_code`, count(*) FROM `courses` c JOIN `mentees` m ON m.`id` = c.`mentee_id`
  WHERE c.`start_date` IS NOT NULL GROUP BY 1, 2;
