CREATE TABLE `proposal_letter_similarity` (
	`proposal_id` text PRIMARY KEY NOT NULL,
	`similarity` real NOT NULL,
	`similar_to_proposal_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`similar_to_proposal_id`) REFERENCES `proposals`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `proposal_letter_similarity_idx` ON `proposal_letter_similarity` (`similarity`);