CREATE TABLE `stripe_events` (
	`id` text PRIMARY KEY NOT NULL,
	`type` text NOT NULL,
	`payment_id` text,
	`outcome` text NOT NULL,
	`received_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `stripe_events_payment_idx` ON `stripe_events` (`payment_id`);--> statement-breakpoint
CREATE TABLE `crypto_payment_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`contract_id` text NOT NULL,
	`milestone_id` text NOT NULL,
	`fiat_amount_minor` integer NOT NULL,
	`fiat_currency` text NOT NULL,
	`asset` text NOT NULL,
	`network` text NOT NULL,
	`crypto_amount` text NOT NULL,
	`crypto_decimals` integer NOT NULL,
	`rate` text NOT NULL,
	`rate_source` text NOT NULL,
	`rate_as_of` integer NOT NULL,
	`receive_address` text NOT NULL,
	`sandbox` integer NOT NULL,
	`uri` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`expires_at` integer NOT NULL,
	`confirmed_at` integer,
	`tx_hash` text,
	`confirmed_via` text,
	`confirmed_by` text,
	`funded_milestone` integer,
	`ledger_transaction_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`contract_id`) REFERENCES `contracts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`milestone_id`) REFERENCES `milestones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`confirmed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`ledger_transaction_id`) REFERENCES `ledger_transactions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `crypto_payment_requests_user_idx` ON `crypto_payment_requests` (`user_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `crypto_payment_requests_milestone_idx` ON `crypto_payment_requests` (`milestone_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `crypto_payment_requests_tx_unique` ON `crypto_payment_requests` (`tx_hash`);--> statement-breakpoint
CREATE TABLE `crypto_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`request_id` text NOT NULL,
	`tx_hash` text NOT NULL,
	`asset` text NOT NULL,
	`amount` text NOT NULL,
	`reason` text NOT NULL,
	`source` text NOT NULL,
	`refunded_at` integer,
	`refunded_by` text,
	`refund_reference` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`request_id`) REFERENCES `crypto_payment_requests`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`refunded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crypto_receipts_tx_reason_unique` ON `crypto_receipts` (`tx_hash`,`reason`);--> statement-breakpoint
CREATE INDEX `crypto_receipts_request_idx` ON `crypto_receipts` (`request_id`);--> statement-breakpoint
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
CREATE INDEX `payouts_status_idx` ON `payouts` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `currency_favourites` (
	`user_id` text NOT NULL,
	`currency` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `currency`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `exchange_rates` (
	`source` text NOT NULL,
	`base` text NOT NULL,
	`quote` text NOT NULL,
	`rate` text NOT NULL,
	`as_of` integer NOT NULL,
	`fetched_at` integer NOT NULL,
	PRIMARY KEY(`source`, `base`, `quote`)
);
--> statement-breakpoint
CREATE TABLE `billing_details` (
	`user_id` text PRIMARY KEY NOT NULL,
	`country_code` text NOT NULL,
	`vat_id` text,
	`vat_id_checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
