ALTER TABLE `freelancer_profiles` ADD `active_at` integer;--> statement-breakpoint
ALTER TABLE `freelancer_profiles` ADD `skill_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `saved_searches` ADD `kind` text DEFAULT 'projects' NOT NULL;