CREATE TABLE `companies` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`cvr` text NOT NULL,
	`industry_code` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`street` text,
	`postcode` text,
	`city` text,
	`size` text,
	`programmes` text DEFAULT '[]' NOT NULL,
	`suggested_by_mentor_id` integer,
	`verified_at` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`industry_code`) REFERENCES `industries`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_by_mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `companies_cvr_uq` ON `companies` (`cvr`);--> statement-breakpoint
CREATE INDEX `companies_name_idx` ON `companies` (`name`,`id`);--> statement-breakpoint
CREATE INDEX `companies_municipality_idx` ON `companies` (`municipality_code`,`name`);--> statement-breakpoint
CREATE INDEX `companies_industry_idx` ON `companies` (`industry_code`);--> statement-breakpoint
CREATE TABLE `company_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`name` text NOT NULL,
	`role` text,
	`phone` text,
	`email` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `company_contacts_company_idx` ON `company_contacts` (`company_id`,`id`);--> statement-breakpoint
CREATE TABLE `company_notes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`date` text NOT NULL,
	`note` text NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `company_notes_company_idx` ON `company_notes` (`company_id`,`date`,`id`);--> statement-breakpoint
CREATE TABLE `competence_profiles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`version` integer NOT NULL,
	`is_current` integer DEFAULT true NOT NULL,
	`educations` text DEFAULT '[]' NOT NULL,
	`experience` text DEFAULT '[]' NOT NULL,
	`danish_level` text DEFAULT 'none' NOT NULL,
	`danish_module` integer,
	`english_level` text DEFAULT 'none' NOT NULL,
	`driving_licence` integer DEFAULT false NOT NULL,
	`certificates` text DEFAULT '[]' NOT NULL,
	`hours_per_week` integer,
	`available_from` text,
	`wished_industry_codes` text DEFAULT '[]' NOT NULL,
	`wished_occupations` text DEFAULT '[]' NOT NULL,
	`summary` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `competence_profiles_version_uq` ON `competence_profiles` (`mentee_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `competence_profiles_current_uq` ON `competence_profiles` (`mentee_id`) WHERE is_current = 1;--> statement-breakpoint
CREATE TABLE `opening_proposals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`opening_id` integer NOT NULL,
	`mentee_id` integer NOT NULL,
	`status` text DEFAULT 'proposed' NOT NULL,
	`score` real,
	`reasons` text,
	`proposed_by` integer,
	`proposed_at` text NOT NULL,
	`answered_at` text,
	`answered_by` integer,
	`decline_reason` text,
	`decline_note` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`opening_id`) REFERENCES `openings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`proposed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`answered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `opening_proposals_opening_idx` ON `opening_proposals` (`opening_id`,`status`);--> statement-breakpoint
CREATE INDEX `opening_proposals_mentee_idx` ON `opening_proposals` (`mentee_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `opening_proposals_live_uq` ON `opening_proposals` (`opening_id`,`mentee_id`) WHERE status in ('proposed', 'accepted');--> statement-breakpoint
CREATE TABLE `openings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`company_id` integer NOT NULL,
	`type` text NOT NULL,
	`industry_code` text NOT NULL,
	`occupation` text NOT NULL,
	`municipality_code` integer NOT NULL,
	`start_date` text,
	`duration_weeks` integer,
	`weekly_hours` integer,
	`danish_level` text DEFAULT 'none' NOT NULL,
	`places` integer DEFAULT 1 NOT NULL,
	`deadline` text,
	`description` text,
	`status` text DEFAULT 'open' NOT NULL,
	`suggested_by_mentor_id` integer,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`industry_code`) REFERENCES `industries`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`municipality_code`) REFERENCES `municipalities`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`suggested_by_mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `openings_status_idx` ON `openings` (`status`,`deadline`,`id`);--> statement-breakpoint
CREATE INDEX `openings_company_idx` ON `openings` (`company_id`,`status`);--> statement-breakpoint
CREATE INDEX `openings_municipality_idx` ON `openings` (`municipality_code`,`status`);--> statement-breakpoint
CREATE INDEX `openings_industry_idx` ON `openings` (`industry_code`,`status`);--> statement-breakpoint
CREATE INDEX `openings_created_idx` ON `openings` (`created_at`);--> statement-breakpoint
CREATE TABLE `placement_follow_ups` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`date` text NOT NULL,
	`on_track` integer NOT NULL,
	`note` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_follow_ups_placement_idx` ON `placement_follow_ups` (`placement_id`,`date`);--> statement-breakpoint
CREATE TABLE `placement_school_periods` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`placement_id` integer NOT NULL,
	`kind` text NOT NULL,
	`title` text,
	`from_date` text NOT NULL,
	`weeks` integer NOT NULL,
	`created_by` integer,
	`created_at` text NOT NULL,
	FOREIGN KEY (`placement_id`) REFERENCES `placements`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `placement_school_periods_placement_idx` ON `placement_school_periods` (`placement_id`,`from_date`);--> statement-breakpoint
CREATE TABLE `placements` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`proposal_id` integer NOT NULL,
	`opening_id` integer NOT NULL,
	`company_id` integer NOT NULL,
	`mentee_id` integer NOT NULL,
	`type` text NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`start_date` text NOT NULL,
	`planned_end_date` text,
	`ended_on` text,
	`end_reason` text,
	`workplace_mentor_name` text,
	`workplace_mentor_phone` text,
	`completion_adviser_name` text,
	`completion_adviser_phone` text,
	`outcome_type` text,
	`outcome_date` text,
	`created_by` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `opening_proposals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opening_id`) REFERENCES `openings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`company_id`) REFERENCES `companies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `placements_proposal_uq` ON `placements` (`proposal_id`);--> statement-breakpoint
CREATE INDEX `placements_mentee_idx` ON `placements` (`mentee_id`,`start_date`);--> statement-breakpoint
CREATE INDEX `placements_company_idx` ON `placements` (`company_id`,`status`);--> statement-breakpoint
CREATE INDEX `placements_opening_idx` ON `placements` (`opening_id`,`status`);--> statement-breakpoint
CREATE INDEX `placements_status_idx` ON `placements` (`status`,`start_date`,`id`);--> statement-breakpoint
ALTER TABLE `mentors` ADD `company_id` integer REFERENCES companies(id);--> statement-breakpoint
CREATE INDEX `mentors_company_idx` ON `mentors` (`company_id`);