CREATE TABLE `match_requests` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`mentor_id` integer NOT NULL,
	`status` text DEFAULT 'requested' NOT NULL,
	`requested_by` integer,
	`requested_at` text NOT NULL,
	`deadline` text NOT NULL,
	`start_date` text NOT NULL,
	`match_score` real,
	`no_industry` integer DEFAULT false NOT NULL,
	`reason` text,
	`answered_at` text,
	`decline_reason` text,
	`course_id` integer,
	`handled_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`course_id`) REFERENCES `courses`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `match_requests_open_uq` ON `match_requests` (`mentee_id`) WHERE status = 'requested';--> statement-breakpoint
CREATE INDEX `match_requests_mentee_idx` ON `match_requests` (`mentee_id`,`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `match_requests_mentor_idx` ON `match_requests` (`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `match_requests_deadline_idx` ON `match_requests` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `match_requests_unhandled_idx` ON `match_requests` (`status`,`handled_at`,`answered_at`);--> statement-breakpoint
ALTER TABLE `courses` ADD `no_industry_reason` text;