CREATE TABLE `review_rating_totals` (
	`reviewee_id` text NOT NULL,
	`direction` text NOT NULL,
	`rating_sum` integer NOT NULL,
	`review_count` integer NOT NULL,
	PRIMARY KEY(`direction`, `reviewee_id`)
);
--> statement-breakpoint
CREATE TABLE `review_totals_folded` (
	`id` integer PRIMARY KEY NOT NULL,
	`ended_through` real NOT NULL
);
--> statement-breakpoint
CREATE TABLE `review_visibility` (
	`review_id` text PRIMARY KEY NOT NULL,
	`contract_id` text NOT NULL,
	`reviewee_id` text NOT NULL,
	`direction` text NOT NULL,
	`rating` integer NOT NULL,
	`both_reviewed` integer NOT NULL,
	`contract_ended_at` real
);
--> statement-breakpoint
CREATE INDEX `review_visibility_contract_idx` ON `review_visibility` (`contract_id`);--> statement-breakpoint
CREATE INDEX `review_visibility_window_idx` ON `review_visibility` (`both_reviewed`,`contract_ended_at`,`direction`,`reviewee_id`,`rating`);