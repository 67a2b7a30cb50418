CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_user_id` integer,
	`actor_role` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`details` text
);
--> statement-breakpoint
CREATE INDEX `audit_log_entity_idx` ON `audit_log` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_log_actor_idx` ON `audit_log` (`actor_user_id`,`at`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` integer NOT NULL,
	`purpose` text NOT NULL,
	`text_version` text NOT NULL,
	`given_at` text NOT NULL,
	`recorded_by` integer,
	`withdrawn_at` text,
	`withdrawn_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`withdrawn_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_subject_idx` ON `consents` (`subject_type`,`subject_id`,`purpose`);--> statement-breakpoint
CREATE TABLE `course_pauses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`from_date` text NOT NULL,
	`to_date` text,
	`reason` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `course_pauses_course_idx` ON `course_pauses` (`course_id`);--> statement-breakpoint
CREATE TABLE `courses` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`mentor_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`proposed_at` text NOT NULL,
	`proposed_by` integer,
	`approved_at` text,
	`approved_by` integer,
	`start_date` text,
	`planned_end_date` text,
	`target_hours_per_month` real DEFAULT 4 NOT NULL,
	`ended_on` text,
	`end_reason` text,
	`end_note` text,
	`match_score` real,
	`match_reasons` text,
	`weights_version` integer,
	`manual_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`approved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `courses_status_idx` ON `courses` (`status`,`start_date`);--> statement-breakpoint
CREATE INDEX `courses_mentor_idx` ON `courses` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `courses_mentee_idx` ON `courses` (`mentee_id`,`status`);--> statement-breakpoint
CREATE TABLE `follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`called_on` text NOT NULL,
	`target` text NOT NULL,
	`status` text NOT NULL,
	`notes` text,
	`escalated_at` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `follow_ups_course_idx` ON `follow_ups` (`course_id`,`called_on`);--> statement-breakpoint
CREATE TABLE `industries` (
	`code` text PRIMARY KEY NOT NULL,
	`level` text NOT NULL,
	`section` text NOT NULL,
	`label_da` text NOT NULL,
	`label_en` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `industries_section_idx` ON `industries` (`section`,`level`);--> statement-breakpoint
CREATE TABLE `job_runs` (
	`job` text NOT NULL,
	`run_key` text NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	PRIMARY KEY(`job`, `run_key`)
);
--> statement-breakpoint
CREATE TABLE `matching_weights` (
	`version` integer PRIMARY KEY NOT NULL,
	`weights` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`form` text NOT NULL,
	`topics` text DEFAULT '[]' NOT NULL,
	`next_step` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_course_idx` ON `meetings` (`course_id`,`date`);--> statement-breakpoint
CREATE TABLE `mentees` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`municipality_code` integer NOT NULL,
	`referred_by` integer,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`birth_year` integer NOT NULL,
	`gender` text,
	`phone` text,
	`email` text,
	`preferred_channel` text DEFAULT 'sms' NOT NULL,
	`language` text DEFAULT 'da' NOT NULL,
	`group` text NOT NULL,
	`job_ready` integer DEFAULT true NOT NULL,
	`danish_level` text DEFAULT 'none' NOT NULL,
	`danish_module` integer,
	`english_level` text DEFAULT 'none' NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`education_level` text DEFAULT 'none' NOT NULL,
	`education_field` text,
	`education_country` text,
	`experience` text DEFAULT '[]' NOT NULL,
	`wished_industry_codes` text DEFAULT '[]' NOT NULL,
	`wished_occupation` text,
	`goals` text DEFAULT '[]' NOT NULL,
	`availability` text,
	`driving_licence` integer DEFAULT false NOT NULL,
	`mentor_gender_preference` text DEFAULT 'none' NOT NULL,
	`needs_consideration` integer DEFAULT false NOT NULL,
	`current_internship_employer` text,
	`status` text DEFAULT 'waiting' NOT NULL,
	`withdrawn_reason` text,
	`referred_at` text NOT NULL,
	`matched_at` text,
	`sms_opt_out_at` text,
	`email_opt_out_at` text,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referred_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentees_municipality_idx` ON `mentees` (`municipality_code`,`status`,`referred_at`);--> statement-breakpoint
CREATE INDEX `mentees_status_idx` ON `mentees` (`status`,`referred_at`);--> statement-breakpoint
CREATE INDEX `mentees_duplicate_idx` ON `mentees` (`municipality_code`,`birth_year`,`last_name`);--> statement-breakpoint
CREATE TABLE `mentor_screenings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentor_id` integer NOT NULL,
	`step` text NOT NULL,
	`done_on` text NOT NULL,
	`form` text,
	`notes` text,
	`recorded_by` integer NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentor_screenings_mentor_idx` ON `mentor_screenings` (`mentor_id`,`step`);--> statement-breakpoint
CREATE TABLE `mentors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`email` text NOT NULL,
	`phone` text NOT NULL,
	`postcode` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`travel_km` integer DEFAULT 15 NOT NULL,
	`employer` text,
	`job_title` text NOT NULL,
	`industry_code` text NOT NULL,
	`network_industry_codes` text DEFAULT '[]' NOT NULL,
	`years_experience` integer DEFAULT 0 NOT NULL,
	`is_manager` integer DEFAULT false NOT NULL,
	`languages` text DEFAULT '[]' NOT NULL,
	`gender` text,
	`mentee_gender_preference` text DEFAULT 'none' NOT NULL,
	`offers` text DEFAULT '[]' NOT NULL,
	`earliest_start` text,
	`capacity` integer DEFAULT 1 NOT NULL,
	`motivation` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'applied' NOT NULL,
	`rejection_reason` text,
	`paused_from` text,
	`paused_to` text,
	`email_verified_at` text,
	`locale` text DEFAULT 'da' NOT NULL,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`industry_code`) REFERENCES `industries`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentors_email_uq` ON `mentors` (`email`);--> statement-breakpoint
CREATE INDEX `mentors_status_idx` ON `mentors` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `mentors_municipality_idx` ON `mentors` (`municipality_code`,`status`);--> statement-breakpoint
CREATE INDEX `mentors_industry_idx` ON `mentors` (`industry_code`,`status`);--> statement-breakpoint
CREATE INDEX `mentors_user_idx` ON `mentors` (`user_id`);--> statement-breakpoint
CREATE TABLE `messages` (
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
	`next_attempt_at` text NOT NULL,
	`claimed_at` text,
	`last_error` text,
	`transport` text,
	`provider_id` text,
	`idempotency_key` text NOT NULL,
	`rendered_subject` text,
	`rendered_text` text,
	`rendered_html` text,
	`sent_at` text,
	`delivered_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `messages_idempotency_uq` ON `messages` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `messages_due_idx` ON `messages` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `messages_subject_idx` ON `messages` (`subject_type`,`subject_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `messages_created_idx` ON `messages` (`created_at`);--> statement-breakpoint
CREATE TABLE `municipalities` (
	`code` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`region_code` integer NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`is_partner` integer DEFAULT false NOT NULL,
	`partner_since` text,
	`agreement_date` text,
	`dpa_date` text,
	`yearly_quota` integer,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `municipalities_partner_idx` ON `municipalities` (`is_partner`,`name`);--> statement-breakpoint
CREATE TABLE `outcomes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`type` text NOT NULL,
	`phase` text DEFAULT 'end' NOT NULL,
	`outcome_date` text NOT NULL,
	`employer_industry_code` text,
	`via_mentor_network` integer DEFAULT false NOT NULL,
	`confirmed` integer DEFAULT true NOT NULL,
	`recorded_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`employer_industry_code`) REFERENCES `industries`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outcomes_course_idx` ON `outcomes` (`course_id`,`phase`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`key` text PRIMARY KEY NOT NULL,
	`count` integer NOT NULL,
	`reset_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `reference_versions` (
	`name` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`applied_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`expires_at` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `status_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`by_user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `status_changes_entity_idx` ON `status_changes` (`entity_type`,`entity_id`,`at`);--> statement-breakpoint
CREATE TABLE `surveys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`course_id` integer NOT NULL,
	`kind` text NOT NULL,
	`respondent` text NOT NULL,
	`sent_at` text,
	`answered_at` text,
	`satisfaction` integer,
	`closer_to_job` text,
	`comment` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `surveys_course_uq` ON `surveys` (`course_id`,`kind`,`respondent`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text,
	`municipality_code` integer,
	`locale` text DEFAULT 'da' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`email_verified_at` text,
	`totp_secret` text,
	`last_login_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_uq` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_role_idx` ON `users` (`role`,`municipality_code`);--> statement-breakpoint
CREATE TABLE `verification_tokens` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`subject_type` text,
	`subject_id` integer,
	`email` text,
	`code_hash` text,
	`attempts` integer DEFAULT 0 NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `verification_tokens_hash_uq` ON `verification_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `verification_tokens_subject_idx` ON `verification_tokens` (`purpose`,`subject_type`,`subject_id`);