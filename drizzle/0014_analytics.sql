CREATE TABLE `analytics_daily` (
	`day` text PRIMARY KEY NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`revenue_minor` integer NOT NULL,
	`gross_minor` integer NOT NULL,
	`transactions` integer NOT NULL,
	`new_projects` integer NOT NULL,
	`priced_projects` integer NOT NULL,
	`project_budget_minor` integer NOT NULL,
	`new_clients` integer NOT NULL,
	`new_freelancers` integer NOT NULL,
	`milestones_released` integer NOT NULL,
	`milestones_refunded` integer NOT NULL,
	`escrow_net_minor` integer NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `analytics_report_sends` (
	`user_id` text NOT NULL,
	`week` text NOT NULL,
	`sent_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `week`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `analytics_report_subscriptions` (
	`user_id` text PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `profile_views` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`profile_user_id` text NOT NULL,
	`viewed_at` integer NOT NULL,
	FOREIGN KEY (`profile_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `profile_views_profile_idx` ON `profile_views` (`profile_user_id`,`viewed_at`);--> statement-breakpoint
CREATE INDEX `projects_created_idx` ON `projects` (`created_at`);--> statement-breakpoint
CREATE INDEX `milestones_released_idx` ON `milestones` (`released_at`);--> statement-breakpoint
CREATE INDEX `milestones_refunded_idx` ON `milestones` (`refunded_at`);--> statement-breakpoint
CREATE INDEX `ledger_transactions_created_idx` ON `ledger_transactions` (`created_at`);