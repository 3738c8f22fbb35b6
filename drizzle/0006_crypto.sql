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
CREATE INDEX `crypto_receipts_request_idx` ON `crypto_receipts` (`request_id`);