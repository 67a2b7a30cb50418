CREATE TABLE `call_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`requested_at` text NOT NULL,
	`handled_at` text,
	`handled_by` integer,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`handled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `call_requests_open_idx` ON `call_requests` (`handled_at`,`requested_at`);--> statement-breakpoint
CREATE INDEX `call_requests_mentee_idx` ON `call_requests` (`mentee_id`);--> statement-breakpoint
CREATE TABLE `citizen_contact_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`new_phone` text,
	`new_language` text,
	`code_hash` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` text NOT NULL,
	`confirmed_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `citizen_contact_changes_mentee_idx` ON `citizen_contact_changes` (`mentee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `course_goals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`kind` text NOT NULL,
	`text` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`target_date` text,
	`status_on` text NOT NULL,
	`created_by` integer,
	`updated_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_goals_course_idx` ON `course_goals` (`course_id`,`status`);--> statement-breakpoint
CREATE TABLE `guidance_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`course_month` integer,
	`sort` integer DEFAULT 0 NOT NULL,
	`title_da` text NOT NULL,
	`body_da` text NOT NULL,
	`title_en` text NOT NULL,
	`body_en` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`updated_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `guidance_pages_kind_idx` ON `guidance_pages` (`kind`,`active`,`sort`);--> statement-breakpoint
CREATE TABLE `guidance_reads` (
	`mentor_id` integer NOT NULL,
	`page_id` integer NOT NULL,
	`version` integer NOT NULL,
	`read_at` text NOT NULL,
	PRIMARY KEY(`mentor_id`, `page_id`, `version`),
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `guidance_pages`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `planned_meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`minutes` integer NOT NULL,
	`form` text NOT NULL,
	`place` text,
	`agenda` text,
	`status` text DEFAULT 'planned' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`meeting_id` integer,
	`reminder_for` text,
	`log_prompt_at` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `planned_meetings_course_idx` ON `planned_meetings` (`course_id`,`starts_at`);--> statement-breakpoint
CREATE INDEX `planned_meetings_due_idx` ON `planned_meetings` (`status`,`starts_at`);--> statement-breakpoint
ALTER TABLE `mentors` ADD `introduction_read_at` text;--> statement-breakpoint
-- Mentors introduced before the introduction became pages (issue 21) read it at their screening's introduction step,
-- or were matched before the rule existed: they keep being matchable. Everyone else reads it before a first match.
UPDATE `mentors` SET `introduction_read_at` = coalesce(
  (SELECT min(`done_on`) FROM `mentor_screenings` s WHERE s.`mentor_id` = `mentors`.`id` AND s.`step` = 'introduction'),
  (SELECT min(`approved_at`) FROM `courses` c WHERE c.`mentor_id` = `mentors`.`id`)
) WHERE `introduction_read_at` IS NULL;
