-- Full-text index of freelancers for the talent search (/freelancers): name, headline, bio and the
-- names of their skills. freelancer_profiles.user_id is text, so each index row is keyed by the
-- implicit rowid of the freelancer's profile row; the triggers keep it in step with profiles, users'
-- names, freelancer_skills and skill renames. After a VACUUM, call rebuildFreelancerSearchIndex()
-- (app/models/talent-search.server.ts; `npm run db:reindex` rebuilds both indexes).
CREATE VIRTUAL TABLE `freelancers_fts` USING fts5(
  name,
  headline,
  bio,
  skills,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_insert` AFTER INSERT ON `freelancer_profiles` BEGIN
  INSERT INTO `freelancers_fts` (rowid, name, headline, bio, skills)
  VALUES (
    new.rowid,
    coalesce((SELECT name FROM `users` WHERE id = new.user_id), ''),
    new.headline,
    new.bio,
    coalesce((
      SELECT group_concat(s.name, ' ') FROM `freelancer_skills` fs JOIN `skills` s ON s.id = fs.skill_id
      WHERE fs.user_id = new.user_id
    ), '')
  );
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_update` AFTER UPDATE OF headline, bio ON `freelancer_profiles` BEGIN
  UPDATE `freelancers_fts` SET headline = new.headline, bio = new.bio WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_delete` AFTER DELETE ON `freelancer_profiles` BEGIN
  DELETE FROM `freelancers_fts` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_name_change` AFTER UPDATE OF name ON `users` BEGIN
  UPDATE `freelancers_fts` SET name = new.name
  WHERE rowid = (SELECT rowid FROM `freelancer_profiles` WHERE user_id = new.id);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_skill_insert` AFTER INSERT ON `freelancer_skills` BEGIN
  UPDATE `freelancers_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `freelancer_skills` fs JOIN `skills` s ON s.id = fs.skill_id
    WHERE fs.user_id = new.user_id
  ), '')
  WHERE rowid = (SELECT rowid FROM `freelancer_profiles` WHERE user_id = new.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_skill_delete` AFTER DELETE ON `freelancer_skills` BEGIN
  UPDATE `freelancers_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `freelancer_skills` fs JOIN `skills` s ON s.id = fs.skill_id
    WHERE fs.user_id = old.user_id
  ), '')
  WHERE rowid = (SELECT rowid FROM `freelancer_profiles` WHERE user_id = old.user_id);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancers_fts_after_skill_rename` AFTER UPDATE OF name ON `skills` BEGIN
  UPDATE `freelancers_fts`
  SET skills = coalesce((
    SELECT group_concat(s.name, ' ') FROM `freelancer_skills` fs JOIN `skills` s ON s.id = fs.skill_id
    WHERE fs.user_id = f.user_id
  ), '')
  FROM `freelancer_profiles` f
  WHERE f.rowid = `freelancers_fts`.rowid
    AND f.user_id IN (SELECT user_id FROM `freelancer_skills` WHERE skill_id = new.id);
END;
--> statement-breakpoint
INSERT INTO `freelancers_fts` (rowid, name, headline, bio, skills)
SELECT
  f.rowid,
  u.name,
  f.headline,
  f.bio,
  coalesce((
    SELECT group_concat(s.name, ' ') FROM `freelancer_skills` fs JOIN `skills` s ON s.id = fs.skill_id
    WHERE fs.user_id = f.user_id
  ), '')
FROM `freelancer_profiles` f JOIN `users` u ON u.id = f.user_id;
--> statement-breakpoint
-- "Recently active" (profile changes move updated_at; these move active_at): a proposal sent, a
-- contract step taken, a portfolio item added or changed.
CREATE TRIGGER `freelancer_active_after_proposal` AFTER INSERT ON `proposals` BEGIN
  UPDATE `freelancer_profiles` SET active_at = new.created_at
  WHERE user_id = new.freelancer_id AND (active_at IS NULL OR active_at < new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_active_after_contract_step` AFTER INSERT ON `contract_activity` BEGIN
  UPDATE `freelancer_profiles` SET active_at = new.created_at
  WHERE user_id = new.actor_id AND (active_at IS NULL OR active_at < new.created_at);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_active_after_portfolio_insert` AFTER INSERT ON `portfolio_items` BEGIN
  UPDATE `freelancer_profiles` SET active_at = new.updated_at
  WHERE user_id = new.user_id AND (active_at IS NULL OR active_at < new.updated_at);
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_active_after_portfolio_update` AFTER UPDATE ON `portfolio_items` BEGIN
  UPDATE `freelancer_profiles` SET active_at = new.updated_at
  WHERE user_id = new.user_id AND (active_at IS NULL OR active_at < new.updated_at);
END;
--> statement-breakpoint
UPDATE `freelancer_profiles` SET active_at = (
  SELECT max(at) FROM (
    SELECT max(created_at) AS at FROM `proposals` WHERE freelancer_id = freelancer_profiles.user_id
    UNION ALL SELECT max(created_at) FROM `contract_activity` WHERE actor_id = freelancer_profiles.user_id
    UNION ALL SELECT max(updated_at) FROM `portfolio_items` WHERE user_id = freelancer_profiles.user_id
  )
);
--> statement-breakpoint
-- How many skills each freelancer lists: the talent search lists only freelancers with one or more.
CREATE TRIGGER `freelancer_skill_count_after_insert` AFTER INSERT ON `freelancer_skills` BEGIN
  UPDATE `freelancer_profiles` SET skill_count = skill_count + 1 WHERE user_id = new.user_id;
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_skill_count_after_delete` AFTER DELETE ON `freelancer_skills` BEGIN
  UPDATE `freelancer_profiles` SET skill_count = skill_count - 1 WHERE user_id = old.user_id;
END;
--> statement-breakpoint
UPDATE `freelancer_profiles` SET skill_count = (
  SELECT count(*) FROM `freelancer_skills` WHERE user_id = freelancer_profiles.user_id
);
--> statement-breakpoint
-- The profiles the talent search may list (a headline, an hourly rate, a skill), with what its
-- filters and sorts read, so a search never reads the profiles' long bios. The search repeats this
-- WHERE word for word (LISTED_PROFILE in app/models/talent-search.server.ts) so SQLite uses it.
CREATE INDEX `freelancer_profiles_listed_idx` ON `freelancer_profiles`
  (`hourly_rate_minor`, `currency`, `availability`, `user_id`, `updated_at`, `active_at`)
  WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
-- The accounts the talent search never lists: clients, admins and blocked freelancers (a few).
CREATE INDEX `users_unlisted_idx` ON `users` (`id`) WHERE `role` <> 'freelancer' OR `blocked_at` IS NOT NULL;
