CREATE TABLE `analytics_daily_people` (
	`day` text NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`active` blob NOT NULL,
	`earnings` blob NOT NULL,
	`spend` blob NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`time_zone`, `currency`, `day`)
);
--> statement-breakpoint
CREATE TABLE `analytics_daily_postings` (
	`day` text NOT NULL,
	`time_zone` text NOT NULL,
	`currency` text NOT NULL,
	`posted` integer NOT NULL,
	`open` integer NOT NULL,
	`closed_hired` integer NOT NULL,
	`closed_no_hire` integer NOT NULL,
	`proposed` integer NOT NULL,
	`hired` integer NOT NULL,
	`completed` integer NOT NULL,
	`categories` text NOT NULL,
	`top_project_ids` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`time_zone`, `currency`, `day`)
);
--> statement-breakpoint
CREATE TABLE `analytics_user_ordinals` (
	`ordinal` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `analytics_user_ordinals_user_id_unique` ON `analytics_user_ordinals` (`user_id`);--> statement-breakpoint
CREATE TABLE `market_snapshots` (
	`currency` text PRIMARY KEY NOT NULL,
	`body` text NOT NULL,
	`computed_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `contract_activity_created_idx` ON `contract_activity` (`created_at`,`actor_id`);--> statement-breakpoint
CREATE INDEX `contracts_project_idx` ON `contracts` (`project_id`,`status`);--> statement-breakpoint
CREATE INDEX `proposals_created_idx` ON `proposals` (`created_at`,`freelancer_id`);