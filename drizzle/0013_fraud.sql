CREATE TABLE `card_attempts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`payment_id` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`card_fingerprint` text,
	`ok` integer NOT NULL,
	`decline_reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `card_attempts_user_idx` ON `card_attempts` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `card_attempts_card_idx` ON `card_attempts` (`card_fingerprint`);--> statement-breakpoint
CREATE TABLE `fraud_alert_accounts` (
	`alert_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`alert_id`, `user_id`),
	FOREIGN KEY (`alert_id`) REFERENCES `fraud_alerts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `fraud_alert_accounts_user_idx` ON `fraud_alert_accounts` (`user_id`);--> statement-breakpoint
CREATE TABLE `fraud_alert_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`alert_id` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`alert_id`) REFERENCES `fraud_alerts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `fraud_alert_events_alert_idx` ON `fraud_alert_events` (`alert_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `fraud_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`score` integer NOT NULL,
	`severity` text NOT NULL,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`subject_id` text NOT NULL,
	`evidence` text NOT NULL,
	`assignee_id` text,
	`detected_at` integer NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`assignee_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fraud_alerts_key_unique` ON `fraud_alerts` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_status_idx` ON `fraud_alerts` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `fraud_alerts_created_idx` ON `fraud_alerts` (`created_at`);