-- The search indexes read words by their stem (the porter tokenizer over unicode61), so
-- "developing", "developer" and "develops" find each other, "designers" finds "design" and
-- "illustrations" finds "illustrator"; and "#" and "+" belong to a word, so "C#", "C++" and "C"
-- are three words, not one "c". Both indexes are made again with the same columns; the triggers of
-- 0001 and 0033 name them and keep working. (The search evaluation: npm run search:eval.)
DROP TABLE `projects_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `projects_fts` USING fts5(
  title,
  description,
  skills,
  tokenize = "porter unicode61 remove_diacritics 2 tokenchars '#+'"
);
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
--> statement-breakpoint
DROP TABLE `freelancers_fts`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `freelancers_fts` USING fts5(
  name,
  headline,
  bio,
  skills,
  tokenize = "porter unicode61 remove_diacritics 2 tokenchars '#+'"
);
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
