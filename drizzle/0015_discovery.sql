CREATE TABLE `discovery_preferences` (
	`user_id` text PRIMARY KEY NOT NULL,
	`members_only` integer DEFAULT false NOT NULL,
	`recommendations_off` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
