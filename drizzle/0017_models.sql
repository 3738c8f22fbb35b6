CREATE TABLE `fitted_models` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`version` integer NOT NULL,
	`fitted_at` integer NOT NULL,
	`outcomes` integer NOT NULL,
	`params` text NOT NULL,
	`metrics` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `fitted_models_kind_version_unique` ON `fitted_models` (`kind`,`version`);