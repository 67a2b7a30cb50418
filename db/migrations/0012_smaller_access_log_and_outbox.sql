-- Issue 16: a smaller national-scale database (docs/benchmarks.md). The access log, the outbox, consents and meetings
-- keep their instants as epoch milliseconds; the access log keeps its action and the actor's role as codes (positions in auditActions and
-- auditActorRoles). Both tables are rebuilt, which drops their triggers: they are made again right after each rebuild.
-- The outbox loses an index nothing read (created_at); its due index holds only queued rows; a person's messages are
-- read in id order.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`subject_type` text,
	`subject_id` integer,
	`template` text NOT NULL,
	`locale` text DEFAULT 'da' NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`claimed_at` integer,
	`claimed_by` text,
	`lease_until` integer,
	`handed_off_at` integer,
	`last_error` text,
	`transport` text,
	`provider_id` text,
	`idempotency_key` text NOT NULL,
	`secrets` text,
	`payload` text,
	`sent_at` integer,
	`delivered_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_messages`("id", "channel", "recipient", "subject_type", "subject_id", "template", "locale", "data", "status", "attempts", "next_attempt_at", "claimed_at", "claimed_by", "lease_until", "handed_off_at", "last_error", "transport", "provider_id", "idempotency_key", "secrets", "payload", "sent_at", "delivered_at", "created_at", "updated_at") 
  SELECT "id", "channel", "recipient", "subject_type", "subject_id", "template", "locale", "data", "status", "attempts",
    CAST(round((julianday("next_attempt_at") - 2440587.5) * 86400000.0) AS INTEGER), CAST(round((julianday("claimed_at") - 2440587.5) * 86400000.0) AS INTEGER), "claimed_by",
    CAST(round((julianday("lease_until") - 2440587.5) * 86400000.0) AS INTEGER), CAST(round((julianday("handed_off_at") - 2440587.5) * 86400000.0) AS INTEGER), "last_error", "transport", "provider_id",
    "idempotency_key", "secrets", "payload", CAST(round((julianday("sent_at") - 2440587.5) * 86400000.0) AS INTEGER), CAST(round((julianday("delivered_at") - 2440587.5) * 86400000.0) AS INTEGER),
    CAST(round((julianday("created_at") - 2440587.5) * 86400000.0) AS INTEGER), CAST(round((julianday("updated_at") - 2440587.5) * 86400000.0) AS INTEGER) FROM `messages`;--> statement-breakpoint
DROP TABLE `messages`;--> statement-breakpoint
ALTER TABLE `__new_messages` RENAME TO `messages`;--> statement-breakpoint
-- The rebuild dropped the outbox's trigger (0003): made again as it was.
CREATE TRIGGER messages_drop_payload_when_final AFTER UPDATE OF `status` ON `messages`
WHEN NEW.`status` IN ('sent', 'delivered', 'cancelled') AND (NEW.`payload` IS NOT NULL OR NEW.`secrets` IS NOT NULL)
BEGIN UPDATE `messages` SET `payload` = NULL, `secrets` = NULL WHERE `id` = NEW.`id`; END;--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_uq` ON `messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`next_attempt_at`) WHERE status = 'queued';--> statement-breakpoint
CREATE INDEX `messages_subject_idx` ON `messages` (`subject_type`,`subject_id`);--> statement-breakpoint
CREATE INDEX `messages_status_idx` ON `messages` (`status`);--> statement-breakpoint
CREATE INDEX `messages_channel_idx` ON `messages` (`channel`);--> statement-breakpoint
CREATE INDEX `messages_status_channel_idx` ON `messages` (`status`,`channel`);--> statement-breakpoint
CREATE TABLE `__new_audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_role` integer,
	`action` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`details` text
);
--> statement-breakpoint
INSERT INTO `__new_audit_log`("id", "at", "actor_user_id", "actor_role", "action", "entity_type", "entity_id", "details")
  SELECT "id", CAST(round((julianday("at") - 2440587.5) * 86400000.0) AS INTEGER), "actor_user_id",
    CASE "actor_role" WHEN 'admin' THEN 0 WHEN 'coordinator' THEN 1 WHEN 'caseworker' THEN 2 WHEN 'mentor' THEN 3 WHEN 'citizen' THEN 4 END,
    CASE "action" WHEN 'view' THEN 0 WHEN 'create' THEN 1 WHEN 'update' THEN 2 WHEN 'delete' THEN 3 WHEN 'export' THEN 4
      WHEN 'anonymise' THEN 5 WHEN 'login' THEN 6 WHEN 'logout' THEN 7 END,
    "entity_type", "entity_id", "details" FROM `audit_log`;--> statement-breakpoint
DROP TABLE `audit_log`;--> statement-breakpoint
ALTER TABLE `__new_audit_log` RENAME TO `audit_log`;--> statement-breakpoint
-- The rebuild dropped the append-only triggers (0001): made again as they were.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`);--> statement-breakpoint
CREATE INDEX `audit_log_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_action_idx` ON `audit_log` (`action`);--> statement-breakpoint
CREATE INDEX `audit_log_entity_type_idx` ON `audit_log` (`entity_type`);--> statement-breakpoint
-- The wished-industry index is looked up by its key (mentee, code) and read through its queue index: WITHOUT ROWID
-- saves the rowid and the separate key index. (drizzle-kit cannot say WITHOUT ROWID: a later rebuild of this table
-- must keep it by hand.) The triggers on `mentees` that fill it (0006) name it, so they are dropped first (a rename
-- checks every trigger) and made again as they were.
DROP TRIGGER mentee_industry_index_insert;--> statement-breakpoint
DROP TRIGGER mentee_industry_index_wishes;--> statement-breakpoint
DROP TRIGGER mentee_industry_index_status;--> statement-breakpoint
CREATE TABLE `__new_mentee_industry_index` (
	`mentee_id` integer NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`referred_at` text NOT NULL,
	PRIMARY KEY(`mentee_id`, `code`),
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_mentee_industry_index` SELECT `mentee_id`, `code`, `status`, `municipality_code`, `referred_at` FROM `mentee_industry_index`;--> statement-breakpoint
DROP TABLE `mentee_industry_index`;--> statement-breakpoint
ALTER TABLE `__new_mentee_industry_index` RENAME TO `mentee_industry_index`;--> statement-breakpoint
CREATE INDEX `mentee_industry_index_queue_idx` ON `mentee_industry_index` (`code`,`status`,`referred_at`,`mentee_id`,`municipality_code`);--> statement-breakpoint
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
END;--> statement-breakpoint
-- A record's status history is a handful of rows: found by (kind, id) and sorted after, no instant in the index.
DROP INDEX `status_changes_entity_idx`;--> statement-breakpoint
CREATE INDEX `status_changes_entity_idx` ON `status_changes` (`entity_type`,`entity_id`);--> statement-breakpoint
-- The report's month counts keyed by what their unique index held, WITHOUT ROWID: the table is its own covering index
-- (the unique and the read index go). Triggers on the facts tables write to it by name, so it is not renamed (a rename
-- checks every trigger): copied aside, dropped, made again under its own name, filled back.
CREATE TABLE `__old_report_month_counts` AS SELECT * FROM `report_month_counts`;--> statement-breakpoint
DROP TABLE `report_month_counts`;--> statement-breakpoint
CREATE TABLE `report_month_counts` (
	`kind` text NOT NULL,
	`scope` integer NOT NULL,
	`month` text NOT NULL,
	`k1` text DEFAULT '' NOT NULL,
	`k2` text DEFAULT '' NOT NULL,
	`k3` text DEFAULT '' NOT NULL,
	`k4` text DEFAULT '' NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `report_month_counts` SELECT `kind`, `scope`, `month`, `k1`, `k2`, `k3`, `k4`, `n` FROM `__old_report_month_counts`;--> statement-breakpoint
DROP TABLE `__old_report_month_counts`;--> statement-breakpoint
-- Consents: their instants as epoch milliseconds (no trigger on them, no table points to them).
CREATE TABLE `__new_consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`text_version` text NOT NULL,
	`given_at` integer NOT NULL,
	`recorded_by` integer,
	`withdrawn_at` integer,
	`withdrawn_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_consents`("id", "subject_type", "subject_id", "purpose", "text_version", "given_at", "recorded_by", "withdrawn_at", "withdrawn_by", "created_at") 
  SELECT "id", "subject_type", "subject_id", "purpose", "text_version", CAST(round((julianday("given_at") - 2440587.5) * 86400000.0) AS INTEGER), "recorded_by",
    CAST(round((julianday("withdrawn_at") - 2440587.5) * 86400000.0) AS INTEGER), "withdrawn_by", CAST(round((julianday("created_at") - 2440587.5) * 86400000.0) AS INTEGER) FROM `consents`;--> statement-breakpoint
DROP TABLE `consents`;--> statement-breakpoint
ALTER TABLE `__new_consents` RENAME TO `consents`;--> statement-breakpoint
CREATE INDEX `consents_subject_idx` ON `consents` (`subject_type`,`subject_id`,`purpose`);--> statement-breakpoint
-- Meetings: the same for their created/updated instants. Dropping the old table runs its foreign-key actions even here
-- (the migration is one transaction, where PRAGMA foreign_keys cannot be turned off): planned_meetings.meeting_id
-- (ON DELETE SET NULL) is kept aside and put back. The three facts triggers on meetings (0007) go with the old table
-- and are made again as they were.
CREATE TABLE `__planned_meeting_links` AS SELECT `id`, `meeting_id` FROM `planned_meetings` WHERE `meeting_id` IS NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`form` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`next_step` text,
	`created_by` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_meetings`("id", "course_id", "date", "minutes", "form", "topics", "next_step", "created_by", "created_at", "updated_at") 
  SELECT "id", "course_id", "date", "minutes", "form", "topics", "next_step", "created_by", CAST(round((julianday("created_at") - 2440587.5) * 86400000.0) AS INTEGER),
    CAST(round((julianday("updated_at") - 2440587.5) * 86400000.0) AS INTEGER) FROM `meetings`;--> statement-breakpoint
DROP TABLE `meetings`;--> statement-breakpoint
ALTER TABLE `__new_meetings` RENAME TO `meetings`;--> statement-breakpoint
CREATE INDEX `meetings_course_idx` ON `meetings` (`course_id`,`date`);--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_insert` AFTER INSERT ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = NEW.`course_id`; END;--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_update` AFTER UPDATE OF `course_id`, `date`, `minutes` ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` IN (OLD.`course_id`, NEW.`course_id`); END;--> statement-breakpoint
CREATE TRIGGER `course_facts_meeting_delete` AFTER DELETE ON `meetings` BEGIN UPDATE `course_facts` SET `fresh_until` = '' WHERE `course_id` = OLD.`course_id`; END;--> statement-breakpoint
UPDATE `planned_meetings` SET `meeting_id` = (SELECT l.`meeting_id` FROM `__planned_meeting_links` l WHERE l.`id` = `planned_meetings`.`id`)
  WHERE `id` IN (SELECT `id` FROM `__planned_meeting_links`);--> statement-breakpoint
DROP TABLE `__planned_meeting_links`;--> statement-breakpoint
PRAGMA foreign_keys=ON;
