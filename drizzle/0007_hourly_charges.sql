CREATE TABLE `saved_cards` (
	`user_id` text PRIMARY KEY NOT NULL,
	`provider` text NOT NULL,
	`brand` text NOT NULL,
	`last4` text NOT NULL,
	`exp_month` integer NOT NULL,
	`exp_year` integer NOT NULL,
	`sandbox_decline` text,
	`stripe_customer_id` text,
	`stripe_payment_method_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `contracts` ADD `next_weekly_limit_hours` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `next_weekly_limit_from` text;--> statement-breakpoint
ALTER TABLE `contracts` ADD `hourly_paused_at` integer;--> statement-breakpoint
ALTER TABLE `contracts` ADD `hourly_pause_reason` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `payable_minor` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charge_failures` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charge_error` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charge_claim` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charge_claimed_at` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `charged_from` text;--> statement-breakpoint
ALTER TABLE `invoices` ADD `fee_minor` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `fee_tax_minor` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `net_minor` integer;--> statement-breakpoint
ALTER TABLE `invoices` ADD `ledger_transaction_id` text;--> statement-breakpoint
CREATE INDEX `invoices_status_idx` ON `invoices` (`status`,`review_due_at`);--> statement-breakpoint
UPDATE `invoices` SET `payable_minor` = `amount_minor` WHERE `status` IN ('approved', 'paid');
