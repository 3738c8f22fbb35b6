ALTER TABLE `freelancer_profiles` ADD `rating_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `freelancer_profiles` ADD `rating_smoothed` real DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `freelancer_profiles` ADD `listed_at` integer;