DROP INDEX `projects_client_idx`;--> statement-breakpoint
CREATE INDEX `projects_client_status_created_idx` ON `projects` (`client_id`,`status`,`created_at`);