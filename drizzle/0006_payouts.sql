CREATE TABLE `payout_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`payout_id` text NOT NULL,
	`actor_id` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`payout_id`) REFERENCES `payouts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `payout_events_payout_idx` ON `payout_events` (`payout_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `payout_methods` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`rail` text NOT NULL,
	`status` text NOT NULL,
	`provider` text NOT NULL,
	`stripe_account_id` text,
	`holder_name` text,
	`country` text,
	`account_last4` text,
	`instant_available` integer DEFAULT false NOT NULL,
	`asset` text,
	`network` text,
	`address` text,
	`removed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `payout_methods_user_idx` ON `payout_methods` (`user_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `payout_methods_stripe_account_unique` ON `payout_methods` (`stripe_account_id`);--> statement-breakpoint
CREATE TABLE `payouts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`method_id` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`rail` text NOT NULL,
	`speed` text NOT NULL,
	`status` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`fee_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`destination` text NOT NULL,
	`crypto_asset` text,
	`crypto_amount` text,
	`crypto_rate` text,
	`rate_as_of` integer,
	`sandbox` integer NOT NULL,
	`provider_ref` text,
	`status_reason` text,
	`expected_by` integer NOT NULL,
	`sending_at` integer,
	`sent_at` integer,
	`ledger_transaction_id` text,
	`reversal_transaction_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`method_id`) REFERENCES `payout_methods`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reversal_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payouts_idempotency_unique` ON `payouts` (`user_id`,`idempotency_key`);--> statement-breakpoint
CREATE INDEX `payouts_user_idx` ON `payouts` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `payouts_status_idx` ON `payouts` (`status`,`created_at`);