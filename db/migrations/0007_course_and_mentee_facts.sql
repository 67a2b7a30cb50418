CREATE TABLE `course_facts` (
	`course_id` integer PRIMARY KEY NOT NULL,
	`mentee_id` integer NOT NULL,
	`mentor_id` integer NOT NULL,
	`municipality_code` integer NOT NULL,
	`mentee_group` text NOT NULL,
	`danish_level` text NOT NULL,
	`industry_code` text,
	`industry_section` text,
	`status` text NOT NULL,
	`phase` text NOT NULL,
	`approved_at` text,
	`start_date` text,
	`start_key` text,
	`ended_on` text,
	`fresh_until` text DEFAULT '' NOT NULL,
	`facts_on` text,
	`commitment_status` text,
	`total_logged` real DEFAULT 0 NOT NULL,
	`total_target` real DEFAULT 0 NOT NULL,
	`days_without_contact` integer,
	`follow_up_due_on` text,
	`follow_up_overdue_on` text,
	`follow_up_kind` text,
	`follow_up_outcome_due_on` text,
	`has_follow_up_outcome` integer DEFAULT false NOT NULL,
	`follow_up_prompted_on` text,
	`meetings` integer DEFAULT 0 NOT NULL,
	`minutes` integer DEFAULT 0 NOT NULL,
	`on_track` integer,
	`end_outcomes` text DEFAULT '' NOT NULL,
	`follow_up_outcomes` text DEFAULT '' NOT NULL,
	`end_mask` integer DEFAULT 0 NOT NULL,
	`follow_up_mask` integer DEFAULT 0 NOT NULL,
	`positive_end` integer DEFAULT false NOT NULL,
	`positive_follow_up` integer DEFAULT false NOT NULL,
	`outcome_flags` integer DEFAULT 0 NOT NULL,
	`mentor_first` integer DEFAULT false NOT NULL,
	`mentor_first_local` integer DEFAULT false NOT NULL,
	`mentor_next_start` text,
	`mentor_next_start_local` text,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_facts_fresh_idx` ON `course_facts` (`fresh_until`);--> statement-breakpoint
CREATE INDEX `course_facts_mentee_idx` ON `course_facts` (`mentee_id`);--> statement-breakpoint
CREATE INDEX `course_facts_mentor_idx` ON `course_facts` (`mentor_id`);--> statement-breakpoint
CREATE INDEX `course_facts_start_idx` ON `course_facts` (`start_date`,`course_id`);--> statement-breakpoint
CREATE INDEX `course_facts_phase_idx` ON `course_facts` (`phase`,`start_date`,`course_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `course_facts_phase_end_idx` ON `course_facts` (`phase`,`ended_on`,`start_date`);--> statement-breakpoint
CREATE INDEX `course_facts_commitment_idx` ON `course_facts` (`status`,`commitment_status`,`start_date`,`course_id`);--> statement-breakpoint
CREATE INDEX `course_facts_outcome_due_idx` ON `course_facts` (`phase`,`has_follow_up_outcome`,`start_date`,`course_id`,`follow_up_outcome_due_on`);--> statement-breakpoint
CREATE INDEX `course_facts_municipality_idx` ON `course_facts` (`municipality_code`,`phase`,`start_date`,`course_id`,`ended_on`);--> statement-breakpoint
CREATE INDEX `course_facts_follow_up_idx` ON `course_facts` (`status`,`follow_up_overdue_on`,`course_id`,`follow_up_due_on`,`start_date`);--> statement-breakpoint
CREATE INDEX `course_facts_ended_idx` ON `course_facts` (`status`,`ended_on`,`outcome_flags`,`minutes`,`end_mask`,`follow_up_mask`,`municipality_code`,`industry_section`,`mentee_group`,`danish_level`);--> statement-breakpoint
CREATE INDEX `course_facts_ended_local_idx` ON `course_facts` (`municipality_code`,`status`,`ended_on`,`outcome_flags`,`minutes`,`end_mask`,`follow_up_mask`,`industry_section`,`mentee_group`,`danish_level`);--> statement-breakpoint
CREATE INDEX `course_facts_mentor_first_idx` ON `course_facts` (`mentor_first`,`ended_on`,`start_key`,`mentor_next_start`);--> statement-breakpoint
CREATE INDEX `course_facts_mentor_first_local_idx` ON `course_facts` (`municipality_code`,`mentor_first_local`,`ended_on`,`start_key`,`mentor_next_start_local`);--> statement-breakpoint
CREATE TABLE `course_on_track` (
	`course_id` integer NOT NULL,
	`from_on` text NOT NULL,
	`to_on` text NOT NULL,
	`on_track` integer NOT NULL,
	`start_date` text NOT NULL,
	`end_key` text NOT NULL,
	`municipality_code` integer NOT NULL,
	PRIMARY KEY(`course_id`, `from_on`),
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `course_on_track_end_idx` ON `course_on_track` (`end_key`,`from_on`,`to_on`,`start_date`,`on_track`);--> statement-breakpoint
CREATE INDEX `course_on_track_local_idx` ON `course_on_track` (`municipality_code`,`end_key`,`from_on`,`to_on`,`start_date`,`on_track`);--> statement-breakpoint
CREATE TABLE `mentee_facts` (
	`mentee_id` integer PRIMARY KEY NOT NULL,
	`municipality_code` integer NOT NULL,
	`mentee_group` text NOT NULL,
	`danish_level` text NOT NULL,
	`status` text NOT NULL,
	`referred_on` text NOT NULL,
	`matched_on` text,
	`withdrawn_on` text,
	`match_days` integer,
	`waiting_until` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `mentee_facts_referred_idx` ON `mentee_facts` (`referred_on`,`municipality_code`,`mentee_group`,`danish_level`);--> statement-breakpoint
CREATE INDEX `mentee_facts_referred_local_idx` ON `mentee_facts` (`municipality_code`,`referred_on`,`mentee_group`,`danish_level`);--> statement-breakpoint
CREATE INDEX `mentee_facts_waiting_idx` ON `mentee_facts` (`waiting_until`,`referred_on`,`municipality_code`);--> statement-breakpoint
CREATE INDEX `mentee_facts_waiting_local_idx` ON `mentee_facts` (`municipality_code`,`waiting_until`,`referred_on`);--> statement-breakpoint
CREATE INDEX `mentee_facts_match_idx` ON `mentee_facts` (`match_days`,`matched_on`,`municipality_code`);--> statement-breakpoint
CREATE INDEX `mentee_facts_match_local_idx` ON `mentee_facts` (`municipality_code`,`match_days`,`matched_on`);--> statement-breakpoint
CREATE INDEX `mentee_facts_withdrawn_idx` ON `mentee_facts` (`withdrawn_on`,`municipality_code`);--> statement-breakpoint
CREATE TABLE `report_month_counts` (
	`kind` text NOT NULL,
	`scope` integer NOT NULL,
	`month` text NOT NULL,
	`k1` text DEFAULT '' NOT NULL,
	`k2` text DEFAULT '' NOT NULL,
	`k3` text DEFAULT '' NOT NULL,
	`k4` text DEFAULT '' NOT NULL,
	`n` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_month_counts_uq` ON `report_month_counts` (`kind`,`scope`,`month`,`k1`,`k2`,`k3`,`k4`);--> statement-breakpoint
CREATE INDEX `report_month_counts_read_idx` ON `report_month_counts` (`kind`,`scope`,`month`,`k1`,`k2`,`k3`,`k4`,`n`);--> statement-breakpoint
CREATE TABLE `survey_facts` (
	`survey_id` integer PRIMARY KEY NOT NULL,
	`course_id` integer NOT NULL,
	`municipality_code` integer NOT NULL,
	`respondent` text NOT NULL,
	`satisfaction` integer NOT NULL,
	`answered_on` text NOT NULL,
	FOREIGN KEY (`survey_id`) REFERENCES `surveys`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `survey_facts_course_idx` ON `survey_facts` (`course_id`);--> statement-breakpoint
CREATE INDEX `survey_facts_answered_idx` ON `survey_facts` (`answered_on`,`respondent`,`satisfaction`);--> statement-breakpoint
CREATE INDEX `survey_facts_answered_local_idx` ON `survey_facts` (`municipality_code`,`respondent`,`satisfaction`,`answered_on`);--> statement-breakpoint
/* Decision 012. course_facts: the copies of a course, its citizen and its mentor follow every change (same statement);
   anything a computed fact rests on marks the row stale (fresh_until = ''), and app/services/course-facts.server.ts
   computes it again with the pure domain modules. */
CREATE TRIGGER `course_facts_course_insert` AFTER INSERT ON `courses` BEGIN
  INSERT INTO `course_facts` (`course_id`, `mentee_id`, `mentor_id`, `municipality_code`, `mentee_group`, `danish_level`, `industry_code`, `industry_section`, `status`, `phase`, `approved_at`, `start_date`, `start_key`, `ended_on`, `fresh_until`)
  SELECT NEW.`id`, NEW.`mentee_id`, NEW.`mentor_id`, m.`municipality_code`, m.`group`, m.`danish_level`, o.`industry_code`, i.`section`, NEW.`status`,
    CASE WHEN NEW.`status` IN ('active', 'paused') THEN 'running' WHEN NEW.`status` IN ('completed', 'ended_early') THEN 'closed' ELSE 'not_started' END,
    NEW.`approved_at`, NEW.`start_date`, coalesce(NEW.`start_date`, substr(NEW.`approved_at`, 1, 10)), NEW.`ended_on`, ''
  FROM `mentees` m JOIN `mentors` o ON o.`id` = NEW.`mentor_id` LEFT JOIN `industries` i ON i.`code` = o.`industry_code`
  WHERE m.`id` = NEW.`mentee_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_course_update` AFTER UPDATE ON `courses` BEGIN
  UPDATE `course_facts` SET `fresh_until` = '' WHERE `mentor_id` = OLD.`mentor_id` AND OLD.`mentor_id` IS NOT NEW.`mentor_id`;
  UPDATE `course_facts` SET `mentee_id` = NEW.`mentee_id`, `mentor_id` = NEW.`mentor_id`,
    `municipality_code` = (SELECT `municipality_code` FROM `mentees` WHERE `id` = NEW.`mentee_id`),
    `mentee_group` = (SELECT `group` FROM `mentees` WHERE `id` = NEW.`mentee_id`),
    `danish_level` = (SELECT `danish_level` FROM `mentees` WHERE `id` = NEW.`mentee_id`),
    `industry_code` = (SELECT `industry_code` FROM `mentors` WHERE `id` = NEW.`mentor_id`),
    `industry_section` = (SELECT i.`section` FROM `mentors` o JOIN `industries` i ON i.`code` = o.`industry_code` WHERE o.`id` = NEW.`mentor_id`),
    `status` = NEW.`status`,
    `phase` = CASE WHEN NEW.`status` IN ('active', 'paused') THEN 'running' WHEN NEW.`status` IN ('completed', 'ended_early') THEN 'closed' ELSE 'not_started' END,
    `approved_at` = NEW.`approved_at`, `start_date` = NEW.`start_date`, `start_key` = coalesce(NEW.`start_date`, substr(NEW.`approved_at`, 1, 10)),
    `ended_on` = NEW.`ended_on`, `fresh_until` = ''
  WHERE `course_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_mentee_update` AFTER UPDATE OF `municipality_code`, `group`, `danish_level` ON `mentees`
WHEN OLD.`municipality_code` IS NOT NEW.`municipality_code` OR OLD.`group` IS NOT NEW.`group` OR OLD.`danish_level` IS NOT NEW.`danish_level` BEGIN
  UPDATE `course_facts` SET `municipality_code` = NEW.`municipality_code`, `mentee_group` = NEW.`group`, `danish_level` = NEW.`danish_level`,
    `fresh_until` = CASE WHEN OLD.`municipality_code` IS NOT NEW.`municipality_code` THEN '' ELSE `fresh_until` END
  WHERE `mentee_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_mentor_update` AFTER UPDATE OF `industry_code` ON `mentors` WHEN OLD.`industry_code` IS NOT NEW.`industry_code` BEGIN
  UPDATE `course_facts` SET `industry_code` = NEW.`industry_code`, `industry_section` = (SELECT `section` FROM `industries` WHERE `code` = NEW.`industry_code`)
  WHERE `mentor_id` = NEW.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = NEW.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_update` AFTER UPDATE OF `course_id`, `date`, `minutes` ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` IN (OLD.`course_id`, NEW.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = OLD.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_pause_insert` AFTER INSERT ON `course_pauses` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = NEW.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_pause_update` AFTER UPDATE ON `course_pauses` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` IN (OLD.`course_id`, NEW.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_pause_delete` AFTER DELETE ON `course_pauses` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = OLD.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_call_insert` AFTER INSERT ON `follow_ups` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = NEW.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_call_update` AFTER UPDATE OF `course_id`, `called_on` ON `follow_ups` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` IN (OLD.`course_id`, NEW.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_call_delete` AFTER DELETE ON `follow_ups` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = OLD.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_outcome_insert` AFTER INSERT ON `outcomes` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = NEW.`course_id`; END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_outcome_update` AFTER UPDATE ON `outcomes` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` IN (OLD.`course_id`, NEW.`course_id`); END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_outcome_delete` AFTER DELETE ON `outcomes` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = OLD.`course_id`; END;
--> statement-breakpoint
/* survey_facts: answered surveys with a score, and their course's municipality; course_on_track follows it too. */
CREATE TRIGGER `survey_facts_insert` AFTER INSERT ON `surveys` WHEN NEW.`answered_at` IS NOT NULL AND NEW.`satisfaction` IS NOT NULL BEGIN
  DELETE FROM `survey_facts` WHERE `survey_id` = NEW.`id`;
  INSERT INTO `survey_facts` (`survey_id`, `course_id`, `municipality_code`, `respondent`, `satisfaction`, `answered_on`)
  SELECT NEW.`id`, NEW.`course_id`, f.`municipality_code`, NEW.`respondent`, NEW.`satisfaction`, substr(NEW.`answered_at`, 1, 10)
  FROM `course_facts` f WHERE f.`course_id` = NEW.`course_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `survey_facts_update` AFTER UPDATE ON `surveys` BEGIN
  DELETE FROM `survey_facts` WHERE `survey_id` = OLD.`id`;
  INSERT INTO `survey_facts` (`survey_id`, `course_id`, `municipality_code`, `respondent`, `satisfaction`, `answered_on`)
  SELECT NEW.`id`, NEW.`course_id`, f.`municipality_code`, NEW.`respondent`, NEW.`satisfaction`, substr(NEW.`answered_at`, 1, 10)
  FROM `course_facts` f WHERE f.`course_id` = NEW.`course_id` AND NEW.`answered_at` IS NOT NULL AND NEW.`satisfaction` IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `course_facts_municipality_update` AFTER UPDATE OF `municipality_code` ON `course_facts` WHEN OLD.`municipality_code` IS NOT NEW.`municipality_code` BEGIN
  UPDATE `survey_facts` SET `municipality_code` = NEW.`municipality_code` WHERE `course_id` = NEW.`course_id`;
  UPDATE `course_on_track` SET `municipality_code` = NEW.`municipality_code` WHERE `course_id` = NEW.`course_id`;
END;
--> statement-breakpoint
/* mentee_facts: a citizen's report dates, written whole on every change of the citizen or of their withdrawals.
   withdrawn_on is the day of the last status change to withdrawn (else of the last update) while withdrawn. */
CREATE TRIGGER `mentee_facts_insert` AFTER INSERT ON `mentees` BEGIN
  DELETE FROM `mentee_facts` WHERE `mentee_id` = NEW.`id`;
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = NEW.`id`) m;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_facts_update` AFTER UPDATE ON `mentees` BEGIN
  DELETE FROM `mentee_facts` WHERE `mentee_id` = NEW.`id`;
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = NEW.`id`) m;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_facts_withdrawal_insert` AFTER INSERT ON `status_changes` WHEN NEW.`entity_type` = 'mentee' AND NEW.`to_status` = 'withdrawn' BEGIN
  DELETE FROM `mentee_facts` WHERE `mentee_id` = NEW.`entity_id`;
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = NEW.`entity_id`) m;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_facts_withdrawal_update` AFTER UPDATE ON `status_changes` WHEN OLD.`entity_type` = 'mentee' OR NEW.`entity_type` = 'mentee' BEGIN
  DELETE FROM `mentee_facts` WHERE `mentee_id` = OLD.`entity_id` AND OLD.`entity_type` = 'mentee';
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = OLD.`entity_id` AND OLD.`entity_type` = 'mentee') m;
  DELETE FROM `mentee_facts` WHERE `mentee_id` = NEW.`entity_id` AND NEW.`entity_type` = 'mentee';
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = NEW.`entity_id` AND NEW.`entity_type` = 'mentee') m;
END;
--> statement-breakpoint
CREATE TRIGGER `mentee_facts_withdrawal_delete` AFTER DELETE ON `status_changes` WHEN OLD.`entity_type` = 'mentee' AND OLD.`to_status` = 'withdrawn' BEGIN
  DELETE FROM `mentee_facts` WHERE `mentee_id` = OLD.`entity_id`;
  INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x WHERE x.`id` = OLD.`entity_id`) m;
END;
--> statement-breakpoint
/* report_month_counts: each facts row counted in its month, for the programme and its municipality; a change takes
   the old row out and puts the new one in. */
CREATE TRIGGER `report_counts_course_insert` AFTER INSERT ON `course_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', 0, substr(NEW.`ended_on`, 1, 7), NEW.`status`, NEW.`outcome_flags`, NEW.`end_mask`, NEW.`follow_up_mask`, 1 WHERE NEW.`status` IN ('completed', 'ended_early') AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), NEW.`status`, NEW.`outcome_flags`, NEW.`end_mask`, NEW.`follow_up_mask`, 1 WHERE NEW.`status` IN ('completed', 'ended_early') AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', 0, substr(NEW.`ended_on`, 1, 7), NEW.`minutes`, '', '', '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), NEW.`minutes`, '', '', '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'municipality', coalesce(NEW.`municipality_code`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'municipality', coalesce(NEW.`municipality_code`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'industry', coalesce(NEW.`industry_section`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'industry', coalesce(NEW.`industry_section`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'group', coalesce(NEW.`mentee_group`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'group', coalesce(NEW.`mentee_group`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'danishLevel', coalesce(NEW.`danish_level`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'danishLevel', coalesce(NEW.`danish_level`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_course_update` AFTER UPDATE OF `status`, `ended_on`, `outcome_flags`, `end_mask`, `follow_up_mask`, `minutes`, `municipality_code`, `industry_section`, `mentee_group`, `danish_level` ON `course_facts`
WHEN OLD.`status` IS NOT NEW.`status` OR OLD.`ended_on` IS NOT NEW.`ended_on` OR OLD.`outcome_flags` IS NOT NEW.`outcome_flags` OR OLD.`end_mask` IS NOT NEW.`end_mask` OR OLD.`follow_up_mask` IS NOT NEW.`follow_up_mask` OR OLD.`minutes` IS NOT NEW.`minutes` OR OLD.`municipality_code` IS NOT NEW.`municipality_code` OR OLD.`industry_section` IS NOT NEW.`industry_section` OR OLD.`mentee_group` IS NOT NEW.`mentee_group` OR OLD.`danish_level` IS NOT NEW.`danish_level` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', 0, substr(OLD.`ended_on`, 1, 7), OLD.`status`, OLD.`outcome_flags`, OLD.`end_mask`, OLD.`follow_up_mask`, -1 WHERE OLD.`status` IN ('completed', 'ended_early') AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), OLD.`status`, OLD.`outcome_flags`, OLD.`end_mask`, OLD.`follow_up_mask`, -1 WHERE OLD.`status` IN ('completed', 'ended_early') AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', 0, substr(OLD.`ended_on`, 1, 7), OLD.`minutes`, '', '', '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), OLD.`minutes`, '', '', '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'municipality', coalesce(OLD.`municipality_code`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'municipality', coalesce(OLD.`municipality_code`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'industry', coalesce(OLD.`industry_section`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'industry', coalesce(OLD.`industry_section`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'group', coalesce(OLD.`mentee_group`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'group', coalesce(OLD.`mentee_group`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'danishLevel', coalesce(OLD.`danish_level`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'danishLevel', coalesce(OLD.`danish_level`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', 0, substr(NEW.`ended_on`, 1, 7), NEW.`status`, NEW.`outcome_flags`, NEW.`end_mask`, NEW.`follow_up_mask`, 1 WHERE NEW.`status` IN ('completed', 'ended_early') AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), NEW.`status`, NEW.`outcome_flags`, NEW.`end_mask`, NEW.`follow_up_mask`, 1 WHERE NEW.`status` IN ('completed', 'ended_early') AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', 0, substr(NEW.`ended_on`, 1, 7), NEW.`minutes`, '', '', '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), NEW.`minutes`, '', '', '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'municipality', coalesce(NEW.`municipality_code`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'municipality', coalesce(NEW.`municipality_code`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'industry', coalesce(NEW.`industry_section`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'industry', coalesce(NEW.`industry_section`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'group', coalesce(NEW.`mentee_group`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'group', coalesce(NEW.`mentee_group`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(NEW.`ended_on`, 1, 7), 'danishLevel', coalesce(NEW.`danish_level`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', NEW.`municipality_code`, substr(NEW.`ended_on`, 1, 7), 'danishLevel', coalesce(NEW.`danish_level`, ''), NEW.`outcome_flags`, '', 1 WHERE NEW.`status` = 'completed' AND NEW.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_course_delete` AFTER DELETE ON `course_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', 0, substr(OLD.`ended_on`, 1, 7), OLD.`status`, OLD.`outcome_flags`, OLD.`end_mask`, OLD.`follow_up_mask`, -1 WHERE OLD.`status` IN ('completed', 'ended_early') AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'ended', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), OLD.`status`, OLD.`outcome_flags`, OLD.`end_mask`, OLD.`follow_up_mask`, -1 WHERE OLD.`status` IN ('completed', 'ended_early') AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', 0, substr(OLD.`ended_on`, 1, 7), OLD.`minutes`, '', '', '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'hours', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), OLD.`minutes`, '', '', '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'municipality', coalesce(OLD.`municipality_code`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'municipality', coalesce(OLD.`municipality_code`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'industry', coalesce(OLD.`industry_section`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'industry', coalesce(OLD.`industry_section`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'group', coalesce(OLD.`mentee_group`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'group', coalesce(OLD.`mentee_group`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', 0, substr(OLD.`ended_on`, 1, 7), 'danishLevel', coalesce(OLD.`danish_level`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'completed', OLD.`municipality_code`, substr(OLD.`ended_on`, 1, 7), 'danishLevel', coalesce(OLD.`danish_level`, ''), OLD.`outcome_flags`, '', -1 WHERE OLD.`status` = 'completed' AND OLD.`ended_on` IS NOT NULL
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_mentee_insert` AFTER INSERT ON `mentee_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(NEW.`referred_on`, 1, 7), 'municipality', NEW.`municipality_code`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', NEW.`municipality_code`, substr(NEW.`referred_on`, 1, 7), 'municipality', NEW.`municipality_code`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(NEW.`referred_on`, 1, 7), 'group', NEW.`mentee_group`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', NEW.`municipality_code`, substr(NEW.`referred_on`, 1, 7), 'group', NEW.`mentee_group`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(NEW.`referred_on`, 1, 7), 'danishLevel', NEW.`danish_level`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', NEW.`municipality_code`, substr(NEW.`referred_on`, 1, 7), 'danishLevel', NEW.`danish_level`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_mentee_delete` AFTER DELETE ON `mentee_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(OLD.`referred_on`, 1, 7), 'municipality', OLD.`municipality_code`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', OLD.`municipality_code`, substr(OLD.`referred_on`, 1, 7), 'municipality', OLD.`municipality_code`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(OLD.`referred_on`, 1, 7), 'group', OLD.`mentee_group`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', OLD.`municipality_code`, substr(OLD.`referred_on`, 1, 7), 'group', OLD.`mentee_group`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', 0, substr(OLD.`referred_on`, 1, 7), 'danishLevel', OLD.`danish_level`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'referred', OLD.`municipality_code`, substr(OLD.`referred_on`, 1, 7), 'danishLevel', OLD.`danish_level`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_answer_insert` AFTER INSERT ON `survey_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', 0, substr(NEW.`answered_on`, 1, 7), NEW.`respondent`, NEW.`satisfaction`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', NEW.`municipality_code`, substr(NEW.`answered_on`, 1, 7), NEW.`respondent`, NEW.`satisfaction`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_answer_update` AFTER UPDATE OF `municipality_code` ON `survey_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', 0, substr(OLD.`answered_on`, 1, 7), OLD.`respondent`, OLD.`satisfaction`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', OLD.`municipality_code`, substr(OLD.`answered_on`, 1, 7), OLD.`respondent`, OLD.`satisfaction`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', 0, substr(NEW.`answered_on`, 1, 7), NEW.`respondent`, NEW.`satisfaction`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', NEW.`municipality_code`, substr(NEW.`answered_on`, 1, 7), NEW.`respondent`, NEW.`satisfaction`, '', '', 1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
CREATE TRIGGER `report_counts_answer_delete` AFTER DELETE ON `survey_facts` BEGIN
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', 0, substr(OLD.`answered_on`, 1, 7), OLD.`respondent`, OLD.`satisfaction`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
  INSERT INTO `report_month_counts` (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n`)
  SELECT 'answers', OLD.`municipality_code`, substr(OLD.`answered_on`, 1, 7), OLD.`respondent`, OLD.`satisfaction`, '', '', -1 WHERE 1
  ON CONFLICT (`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`) DO UPDATE SET `n` = `n` + excluded.`n`;
END;
--> statement-breakpoint
/* Existing data: every citizen's dates now, every course's copies now and its computed facts at the next chance
   (the course job, or a page that reads them). */
INSERT INTO `mentee_facts` (`mentee_id`, `municipality_code`, `mentee_group`, `danish_level`, `status`, `referred_on`, `matched_on`, `withdrawn_on`, `match_days`, `waiting_until`)
  SELECT m.`id`, m.`municipality_code`, m.`group`, m.`danish_level`, m.`status`, substr(m.`referred_at`, 1, 10), substr(m.`matched_at`, 1, 10), m.`won`,
    CAST(round(julianday(substr(m.`matched_at`, 1, 10)) - julianday(substr(m.`referred_at`, 1, 10))) AS INTEGER),
    max(substr(m.`referred_at`, 1, 10), min(coalesce(substr(m.`matched_at`, 1, 10), '9999-12-31'), CASE WHEN m.`status` = 'withdrawn' THEN coalesce(m.`won`, '0000-00-00') ELSE '9999-12-31' END))
  FROM (SELECT x.*, CASE WHEN x.`status` = 'withdrawn' THEN substr(coalesce((SELECT max(s.`at`) FROM `status_changes` s WHERE s.`entity_type` = 'mentee' AND s.`entity_id` = x.`id` AND s.`to_status` = 'withdrawn'), x.`updated_at`), 1, 10) END AS `won`
    FROM `mentees` x) m;
--> statement-breakpoint
INSERT INTO `course_facts` (`course_id`, `mentee_id`, `mentor_id`, `municipality_code`, `mentee_group`, `danish_level`, `industry_code`, `industry_section`, `status`, `phase`, `approved_at`, `start_date`, `start_key`, `ended_on`, `fresh_until`)
SELECT c.`id`, c.`mentee_id`, c.`mentor_id`, m.`municipality_code`, m.`group`, m.`danish_level`, o.`industry_code`, i.`section`, c.`status`,
  CASE WHEN c.`status` IN ('active', 'paused') THEN 'running' WHEN c.`status` IN ('completed', 'ended_early') THEN 'closed' ELSE 'not_started' END,
  c.`approved_at`, c.`start_date`, coalesce(c.`start_date`, substr(c.`approved_at`, 1, 10)), c.`ended_on`, ''
FROM `courses` c JOIN `mentees` m ON m.`id` = c.`mentee_id` JOIN `mentors` o ON o.`id` = c.`mentor_id` LEFT JOIN `industries` i ON i.`code` = o.`industry_code`;
--> statement-breakpoint
INSERT INTO `survey_facts` (`survey_id`, `course_id`, `municipality_code`, `respondent`, `satisfaction`, `answered_on`)
SELECT s.`id`, s.`course_id`, f.`municipality_code`, s.`respondent`, s.`satisfaction`, substr(s.`answered_at`, 1, 10)
FROM `surveys` s JOIN `course_facts` f ON f.`course_id` = s.`course_id` WHERE s.`answered_at` IS NOT NULL AND s.`satisfaction` IS NOT NULL;
