CREATE TABLE `audit_log_incoming` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor_user_id` integer,
	`actor_role` integer,
	`action` integer NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` integer,
	`details` text
);
