CREATE TABLE `demo_accounts` (
	`user_id` text PRIMARY KEY NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`to` text NOT NULL,
	`subject` text NOT NULL,
	`kind` text DEFAULT 'notification' NOT NULL,
	`text` text,
	`expires_at` integer,
	`transport` text NOT NULL,
	`status` text NOT NULL,
	`error` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
-- Hand-edited: the old rows have no kind or expiry. Codes sent before this migration are past
-- their lifetime, so their bodies go and the code in their subject is masked; SMTP rows keep no body.
INSERT INTO `__new_outbox`("id", "to", "subject", "kind", "text", "expires_at", "transport", "status", "error", "created_at")
SELECT "id", "to",
  CASE
    WHEN "subject" LIKE 'Your MegiLance security code: %' THEN 'Your MegiLance security code: ••••••'
    WHEN "subject" LIKE 'Your MegiLance sign-up code: %' THEN 'Your MegiLance sign-up code: ••••••'
    ELSE "subject"
  END,
  CASE
    WHEN "subject" LIKE 'Your MegiLance security code: %' THEN 'security_code'
    WHEN "subject" LIKE 'Your MegiLance sign-up code: %' THEN 'sign_up_code'
    WHEN "subject" = 'Your MegiLance password reset code' THEN 'password_reset'
    WHEN "subject" = 'SMS' THEN 'sms_code'
    ELSE 'notification'
  END,
  CASE
    WHEN "transport" = 'smtp' THEN NULL
    WHEN "subject" LIKE 'Your MegiLance security code: %' OR "subject" LIKE 'Your MegiLance sign-up code: %'
      OR "subject" = 'Your MegiLance password reset code' OR "subject" = 'SMS' THEN NULL
    ELSE "text"
  END,
  NULL, "transport", "status", "error", "created_at"
FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `outbox_to_idx` ON `outbox` (`to`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_expires_idx` ON `outbox` (`expires_at`);--> statement-breakpoint
-- Hand-written: a database seeded before demo accounts were recorded. Addresses at megilance.test
-- (a reserved domain) are the seed's; with its admin present, so are its example.com/.org people.
INSERT INTO `demo_accounts` (`user_id`)
SELECT `id` FROM `users`
WHERE `email` LIKE '%megilance.test'
  OR (EXISTS (SELECT 1 FROM `users` WHERE `email` = 'admin@megilance.test')
      AND (`email` LIKE '%@example.com' OR `email` LIKE '%@example.org'));