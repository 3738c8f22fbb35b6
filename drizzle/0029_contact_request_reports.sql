ALTER TABLE `contact_requests` ADD `about_path` text;--> statement-breakpoint
ALTER TABLE `contact_requests` ADD `subject_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `contact_requests` ADD `fraud_alert_id` text REFERENCES fraud_alerts(id) ON DELETE set null;--> statement-breakpoint
CREATE INDEX `contact_requests_reporter_idx` ON `contact_requests` (`user_id`,`about_path`);