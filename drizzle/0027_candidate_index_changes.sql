-- The owners whose entry in the in-memory candidate index (app/services/ai/candidate-index.server.ts)
-- may have changed by a write that adds no skill row. The index reads new skill rows by rowid; these
-- triggers catch the rest of what its load queries (listOpenProjectSkillSets, listFreelancerSkillSets
-- in app/models/matching.server.ts) read, whoever writes it:
--   projects: status, visibility, hidden_at, created_at or id changed (closed, reopened, hidden,
--     unhidden, made public or invite-only), or the project deleted;
--   users: role, created_at or id changed, or the user deleted;
--   project_skills, freelancer_skills: a row deleted or changed (an added row has a new rowid);
--   skills: a name changed or a skill deleted, recorded as owner '*' (every owner of the kind: the
--     index loads in full again).
-- An owner whose id changed is noted under both ids. One row per owner, with the sequence number
-- (per kind) of its newest change, so the table never holds more rows than there are owners; the
-- index reads the rows after the number it read last. Writers take SQLite's one write lock, so the
-- numbers grow in commit order.
CREATE TABLE `candidate_index_changes` (
  `kind` text NOT NULL CHECK (`kind` IN ('project', 'freelancer')),
  `owner_id` text NOT NULL,
  `seq` integer NOT NULL,
  PRIMARY KEY (`kind`, `owner_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `candidate_index_changes_seq` ON `candidate_index_changes` (`kind`, `seq`);
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_project_update` AFTER UPDATE OF `id`, `status`, `visibility`, `hidden_at`, `created_at` ON `projects`
WHEN old.`id` IS NOT new.`id` OR old.`status` IS NOT new.`status` OR old.`visibility` IS NOT new.`visibility`
  OR (old.`hidden_at` IS NULL) <> (new.`hidden_at` IS NULL) OR old.`created_at` IS NOT new.`created_at` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', old.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  SELECT 'project', new.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project')
  WHERE new.`id` IS NOT old.`id`
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_project_delete` AFTER DELETE ON `projects` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', old.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_project_skill_update` AFTER UPDATE ON `project_skills` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', old.`project_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  SELECT 'project', new.`project_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project')
  WHERE new.`project_id` IS NOT old.`project_id`
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_project_skill_delete` AFTER DELETE ON `project_skills` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', old.`project_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_user_update` AFTER UPDATE OF `id`, `role`, `created_at` ON `users`
WHEN old.`id` IS NOT new.`id` OR old.`role` IS NOT new.`role` OR old.`created_at` IS NOT new.`created_at` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', old.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  SELECT 'freelancer', new.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer')
  WHERE new.`id` IS NOT old.`id`
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_user_delete` AFTER DELETE ON `users` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', old.`id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_freelancer_skill_update` AFTER UPDATE ON `freelancer_skills` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', old.`user_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  SELECT 'freelancer', new.`user_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer')
  WHERE new.`user_id` IS NOT old.`user_id`
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_freelancer_skill_delete` AFTER DELETE ON `freelancer_skills` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', old.`user_id`, (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_skill_update` AFTER UPDATE OF `id`, `name` ON `skills`
WHEN old.`id` IS NOT new.`id` OR old.`name` IS NOT new.`name` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', '*', (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', '*', (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
--> statement-breakpoint
CREATE TRIGGER `candidate_index_changes_after_skill_delete` AFTER DELETE ON `skills` BEGIN
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('project', '*', (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'project'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
  INSERT INTO `candidate_index_changes` (`kind`, `owner_id`, `seq`)
  VALUES ('freelancer', '*', (SELECT coalesce(max(`seq`), 0) + 1 FROM `candidate_index_changes` WHERE `kind` = 'freelancer'))
  ON CONFLICT (`kind`, `owner_id`) DO UPDATE SET `seq` = excluded.`seq`;
END;
