-- The skills of the listed projects (open, public, not hidden: what Find work lists), each skill's
-- projects newest first, so the freelancer dashboard's "open projects for your skills" reads the
-- newest few of each of the freelancer's skills and counts the matches exactly without visiting the
-- projects (app/models/dashboard-stats.server.ts). Each listed project has a small integer key
-- (stable: an INTEGER PRIMARY KEY survives VACUUM) so a project asking for several of the skills is
-- counted once. Triggers keep both tables in step with projects and project_skills.
CREATE TABLE `listed_projects` (
  `key` integer PRIMARY KEY NOT NULL,
  `project_id` text NOT NULL UNIQUE
);
--> statement-breakpoint
CREATE TABLE `listed_project_skills` (
  `skill_id` integer NOT NULL,
  `created_at` integer NOT NULL,
  `project_id` text NOT NULL,
  `project_key` integer NOT NULL,
  PRIMARY KEY (`skill_id`, `created_at` DESC, `project_id`)
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `listed_projects` (`project_id`)
SELECT `id` FROM `projects` WHERE `status` = 'open' AND `visibility` = 'public' AND `hidden_at` IS NULL;
--> statement-breakpoint
INSERT INTO `listed_project_skills` (`skill_id`, `created_at`, `project_id`, `project_key`)
SELECT ps.`skill_id`, p.`created_at`, p.`id`, lp.`key`
FROM `listed_projects` lp JOIN `projects` p ON p.`id` = lp.`project_id` JOIN `project_skills` ps ON ps.`project_id` = p.`id`;
--> statement-breakpoint
CREATE TRIGGER `listed_projects_after_project_insert` AFTER INSERT ON `projects`
WHEN new.`status` = 'open' AND new.`visibility` = 'public' AND new.`hidden_at` IS NULL BEGIN
  INSERT INTO `listed_projects` (`project_id`) VALUES (new.`id`);
  INSERT INTO `listed_project_skills` (`skill_id`, `created_at`, `project_id`, `project_key`)
  SELECT ps.`skill_id`, new.`created_at`, new.`id`, lp.`key`
  FROM `listed_projects` lp JOIN `project_skills` ps ON ps.`project_id` = lp.`project_id`
  WHERE lp.`project_id` = new.`id`;
END;
--> statement-breakpoint
-- Listed before or after (or both, with a new creation time): its rows go, and come back if listed.
CREATE TRIGGER `listed_projects_after_project_update` AFTER UPDATE OF `id`, `status`, `visibility`, `hidden_at`, `created_at` ON `projects`
WHEN (old.`id` IS NOT new.`id` OR old.`status` IS NOT new.`status` OR old.`visibility` IS NOT new.`visibility`
      OR (old.`hidden_at` IS NULL) <> (new.`hidden_at` IS NULL) OR old.`created_at` IS NOT new.`created_at`)
  AND ((old.`status` = 'open' AND old.`visibility` = 'public' AND old.`hidden_at` IS NULL)
       OR (new.`status` = 'open' AND new.`visibility` = 'public' AND new.`hidden_at` IS NULL)) BEGIN
  DELETE FROM `listed_project_skills`
  WHERE `skill_id` IN (SELECT `skill_id` FROM `project_skills` WHERE `project_id` IN (old.`id`, new.`id`))
    AND `created_at` = old.`created_at` AND `project_id` = old.`id`;
  DELETE FROM `listed_projects` WHERE `project_id` = old.`id`;
  INSERT INTO `listed_projects` (`project_id`)
  SELECT new.`id` WHERE new.`status` = 'open' AND new.`visibility` = 'public' AND new.`hidden_at` IS NULL;
  INSERT INTO `listed_project_skills` (`skill_id`, `created_at`, `project_id`, `project_key`)
  SELECT ps.`skill_id`, new.`created_at`, new.`id`, lp.`key`
  FROM `listed_projects` lp JOIN `project_skills` ps ON ps.`project_id` = lp.`project_id`
  WHERE lp.`project_id` = new.`id`;
END;
--> statement-breakpoint
-- Its skills' rows by their key when they are still there; a cascade that removed them first
-- removed their rows too (below).
CREATE TRIGGER `listed_projects_after_project_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM `listed_project_skills`
  WHERE `skill_id` IN (SELECT `skill_id` FROM `project_skills` WHERE `project_id` = old.`id`)
    AND `created_at` = old.`created_at` AND `project_id` = old.`id`;
  DELETE FROM `listed_projects` WHERE `project_id` = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `listed_projects_after_project_skill_insert` AFTER INSERT ON `project_skills` BEGIN
  INSERT INTO `listed_project_skills` (`skill_id`, `created_at`, `project_id`, `project_key`)
  SELECT new.`skill_id`, p.`created_at`, p.`id`, lp.`key`
  FROM `listed_projects` lp JOIN `projects` p ON p.`id` = lp.`project_id`
  WHERE lp.`project_id` = new.`project_id`;
END;
--> statement-breakpoint
-- By the project's creation time when the project is still there; else (a cascade from the
-- project's deletion) by reading the skill's rows.
CREATE TRIGGER `listed_projects_after_project_skill_delete` AFTER DELETE ON `project_skills` BEGIN
  DELETE FROM `listed_project_skills`
  WHERE `skill_id` = old.`skill_id` AND `project_id` = old.`project_id`
    AND `created_at` = (SELECT `created_at` FROM `projects` WHERE `id` = old.`project_id`);
  DELETE FROM `listed_project_skills`
  WHERE `skill_id` = old.`skill_id` AND `project_id` = old.`project_id`
    AND NOT EXISTS (SELECT 1 FROM `projects` WHERE `id` = old.`project_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `listed_projects_after_project_skill_update` AFTER UPDATE ON `project_skills` BEGIN
  DELETE FROM `listed_project_skills`
  WHERE `skill_id` = old.`skill_id` AND `project_id` = old.`project_id`
    AND `created_at` = (SELECT `created_at` FROM `projects` WHERE `id` = old.`project_id`);
  INSERT INTO `listed_project_skills` (`skill_id`, `created_at`, `project_id`, `project_key`)
  SELECT new.`skill_id`, p.`created_at`, p.`id`, lp.`key`
  FROM `listed_projects` lp JOIN `projects` p ON p.`id` = lp.`project_id`
  WHERE lp.`project_id` = new.`project_id`;
END;
