-- A counter of the changes that can change a project search's answer (app/models/project-search):
-- every insert, update and delete of projects and project_skills, and every skill rename. The
-- search keeps the facet counts of a broad search beside the counter's value it read them at, and
-- uses them only while the counter still has that value in its own read transaction: the counts
-- are then those of the data it reads, exact at any moment. Client ratings are never kept.
CREATE TABLE `search_generation` (
  `id` integer PRIMARY KEY NOT NULL CHECK (`id` = 1),
  `n` integer NOT NULL
);
--> statement-breakpoint
INSERT INTO `search_generation` (`id`, `n`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_insert` AFTER INSERT ON `projects` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_update` AFTER UPDATE ON `projects` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_delete` AFTER DELETE ON `projects` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_skill_insert` AFTER INSERT ON `project_skills` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_skill_update` AFTER UPDATE ON `project_skills` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_project_skill_delete` AFTER DELETE ON `project_skills` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_generation_after_skill_update` AFTER UPDATE ON `skills` BEGIN
  UPDATE `search_generation` SET `n` = `n` + 1 WHERE `id` = 1;
END;
