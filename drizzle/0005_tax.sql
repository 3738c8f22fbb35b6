CREATE TABLE `billing_details` (
	`user_id` text PRIMARY KEY NOT NULL,
	`country_code` text NOT NULL,
	`vat_id` text,
	`vat_id_checked_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
