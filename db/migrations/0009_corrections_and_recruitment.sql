CREATE TABLE `mentee_changes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`mentee_id` integer NOT NULL,
	`kind` text NOT NULL,
	`fields` text DEFAULT '[]' NOT NULL,
	`called_on` text,
	`note` text,
	`by_user_id` integer,
	`at` text NOT NULL,
	FOREIGN KEY (`mentee_id`) REFERENCES `mentees`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentee_changes_mentee_idx` ON `mentee_changes` (`mentee_id`,`at`,`id`);--> statement-breakpoint
ALTER TABLE `mentors` ADD `recruitment_source` text;--> statement-breakpoint
CREATE INDEX `mentors_recruitment_idx` ON `mentors` (`recruitment_source`,`status`) WHERE recruitment_source IS NOT NULL;--> statement-breakpoint
CREATE INDEX `outcomes_unconfirmed_idx` ON `outcomes` (`created_at`,`id`) WHERE confirmed = 0;