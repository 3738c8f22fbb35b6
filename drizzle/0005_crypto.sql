DROP INDEX `crypto_receipts_tx_unique`;--> statement-breakpoint
CREATE UNIQUE INDEX `crypto_receipts_tx_reason_unique` ON `crypto_receipts` (`tx_hash`,`reason`);