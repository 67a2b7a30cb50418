CREATE TABLE `background_jobs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`scope_key` text NOT NULL,
	`params` text NOT NULL,
	`requested_by` integer,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`weights_version` integer,
	`progress` text,
	`summary` text,
	`error` text,
	`owner` text,
	`heartbeat_at` text,
	`cancel_requested_at` text,
	`cancelled_by` integer,
	FOREIGN KEY (`requested_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `background_jobs_one_per_scope` ON `background_jobs` (`kind`,`scope_key`) WHERE status in ('queued', 'running');--> statement-breakpoint
CREATE INDEX `background_jobs_kind_idx` ON `background_jobs` (`kind`,`id`);--> statement-breakpoint
CREATE INDEX `background_jobs_status_idx` ON `background_jobs` (`status`,`id`);--> statement-breakpoint
CREATE TABLE `pool_run_pairs` (
	`job_id` integer NOT NULL,
	`mentee_id` integer NOT NULL,
	`mentor_id` integer NOT NULL,
	`score` real NOT NULL,
	`shared_industry` integer NOT NULL,
	`reasons` text NOT NULL,
	`request_id` integer,
	`refusal` text,
	PRIMARY KEY(`job_id`, `mentee_id`),
	FOREIGN KEY (`job_id`) REFERENCES `background_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentor_id`) REFERENCES `mentors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`request_id`) REFERENCES `match_requests`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `pool_run_pairs_page_idx` ON `pool_run_pairs` (`job_id`,`shared_industry`,`score`);--> statement-breakpoint
CREATE TABLE `pool_run_unmatched` (
	`job_id` integer NOT NULL,
	`mentee_id` integer NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`job_id`, `mentee_id`),
	FOREIGN KEY (`job_id`) REFERENCES `background_jobs`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `pool_run_unmatched_reason_idx` ON `pool_run_unmatched` (`job_id`,`reason`);