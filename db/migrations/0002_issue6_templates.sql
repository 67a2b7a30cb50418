CREATE TABLE `message_templates` (
	`template_key` text NOT NULL,
	`language` text NOT NULL,
	`copy` text NOT NULL,
	`updated_by` integer,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`template_key`, `language`),
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `messages` ADD `handed_off_at` text;