ALTER TABLE `card_attempts` ADD `ip` text;--> statement-breakpoint
ALTER TABLE `card_attempts` ADD `device_id` text;--> statement-breakpoint
CREATE INDEX `card_attempts_device_idx` ON `card_attempts` (`device_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `card_attempts_ip_idx` ON `card_attempts` (`ip`,`created_at`);