-- Full-text index of projects: title, description and the names of the skills a project asks for.
-- projects.id is a text UUID, so each index row is keyed by the implicit rowid of its projects row.
-- The index keeps its own copy of the text (skill names do not live in projects), and the triggers
-- below keep it in step with projects, project_skills and skills.
-- The rowid of a table without an INTEGER PRIMARY KEY may change on VACUUM: after a VACUUM, call
-- rebuildProjectSearchIndex() (app/models/project-search.server.ts; `npm run db:reindex`).
CREATE VIRTUAL TABLE `projects_fts` USING fts5(
  title,
  description,
  skills,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_insert` AFTER INSERT ON `projects` BEGIN
  INSERT INTO `projects_fts` (rowid, title, description, skills)
  VALUES (
    new.rowid,
    new.title,
    new.description,
    coalesce((
      SELECT group_concat(s.name, ' ') FROM `project_skills` ps JOIN `skills` s ON s.id = ps.skill_id
      WHERE ps.project_id = new.id
    ), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_update` AFTER UPDATE OF title, description ON `projects` BEGIN
  UPDATE `projects_fts` SET title = new.title, description = new.description WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_delete` AFTER DELETE ON `projects` BEGIN
  DELETE FROM `projects_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_skill_insert` AFTER INSERT ON `project_skills` BEGIN
  UPDATE `projects_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `project_skills` ps JOIN `skills` s ON s.id = ps.skill_id
    WHERE ps.project_id = new.project_id
  ), '')
  WHERE rowid = (SELECT rowid FROM `projects` WHERE id = new.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_skill_delete` AFTER DELETE ON `project_skills` BEGIN
  UPDATE `projects_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `project_skills` ps JOIN `skills` s ON s.id = ps.skill_id
    WHERE ps.project_id = old.project_id
  ), '')
  WHERE rowid = (SELECT rowid FROM `projects` WHERE id = old.project_id);
END;
--> statement-breakpoint
CREATE TRIGGER `projects_fts_after_skill_rename` AFTER UPDATE OF name ON `skills` BEGIN
  UPDATE `projects_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `project_skills` ps JOIN `skills` s ON s.id = ps.skill_id
    WHERE ps.project_id = p.id
  ), '')
  FROM `projects` p
  WHERE p.rowid = `projects_fts`.rowid
    AND p.id IN (SELECT project_id FROM `project_skills` WHERE skill_id = new.id);
END;
--> statement-breakpoint
INSERT INTO `projects_fts` (rowid, title, description, skills)
SELECT
  p.rowid,
  p.title,
  p.description,
  coalesce((
    SELECT group_concat(s.name, ' ') FROM `project_skills` ps JOIN `skills` s ON s.id = ps.skill_id
    WHERE ps.project_id = p.id
  ), '')
FROM `projects` p;
