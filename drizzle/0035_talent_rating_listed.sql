-- The talent search's stored rating and "listed since" (columns in 0034; app/models/schema/marketplace.ts).
--
-- rating_count and rating_smoothed mirror each freelancer's row of review_rating_totals (clients'
-- reviews, direction client_to_freelancer) through the rank formula's smoothing: as if 5 more
-- reviews of 4 stars, (sum + 5 × 4) / (count + 5). The numbers are RATING_PRIOR of
-- app/domain/smoothed-rating.ts, said again here because SQL cannot read it; a test compares every
-- stored value with that function. The search adds the few reviews not folded yet at query time.
UPDATE `freelancer_profiles` SET
  `rating_count` = coalesce((
    SELECT `review_count` FROM `review_rating_totals`
    WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = freelancer_profiles.user_id), 0),
  `rating_smoothed` = (coalesce((
    SELECT `rating_sum` FROM `review_rating_totals`
    WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = freelancer_profiles.user_id), 0) + 20) * 1.0
    / (coalesce((
    SELECT `review_count` FROM `review_rating_totals`
    WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = freelancer_profiles.user_id), 0) + 5);
--> statement-breakpoint
CREATE TRIGGER `freelancer_rating_after_totals_insert` AFTER INSERT ON `review_rating_totals`
WHEN new.direction = 'client_to_freelancer' BEGIN
  UPDATE `freelancer_profiles`
  SET `rating_count` = new.review_count, `rating_smoothed` = (new.rating_sum + 20) * 1.0 / (new.review_count + 5)
  WHERE `user_id` = new.reviewee_id;
END;
--> statement-breakpoint
-- The app only changes a row's sum and count (its key never moves).
CREATE TRIGGER `freelancer_rating_after_totals_update` AFTER UPDATE ON `review_rating_totals`
WHEN new.direction = 'client_to_freelancer' BEGIN
  UPDATE `freelancer_profiles`
  SET `rating_count` = new.review_count, `rating_smoothed` = (new.rating_sum + 20) * 1.0 / (new.review_count + 5)
  WHERE `user_id` = new.reviewee_id;
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_rating_after_totals_delete` AFTER DELETE ON `review_rating_totals`
WHEN old.direction = 'client_to_freelancer' BEGIN
  UPDATE `freelancer_profiles` SET `rating_count` = 0, `rating_smoothed` = 20 * 1.0 / 5
  WHERE `user_id` = old.reviewee_id;
END;
--> statement-breakpoint
-- listed_at: when the profile last became listable (a headline, an hourly rate, a skill; the WHERE
-- of freelancer_profiles_listed_idx), null while it is not. Saved talent searches announce the
-- freelancers listed since their last check, so completing a profile late is news too.
CREATE TRIGGER `freelancer_profiles_after_insert_rating_listed` AFTER INSERT ON `freelancer_profiles` BEGIN
  UPDATE `freelancer_profiles` SET
    `rating_count` = coalesce((
      SELECT `review_count` FROM `review_rating_totals`
      WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = new.user_id), 0),
    `rating_smoothed` = (coalesce((
      SELECT `rating_sum` FROM `review_rating_totals`
      WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = new.user_id), 0) + 20) * 1.0
      / (coalesce((
      SELECT `review_count` FROM `review_rating_totals`
      WHERE `direction` = 'client_to_freelancer' AND `reviewee_id` = new.user_id), 0) + 5),
    `listed_at` = CASE WHEN trim(new.headline) <> '' AND new.hourly_rate_minor > 0 AND new.skill_count > 0
      THEN coalesce(new.listed_at, CAST(unixepoch('subsec') * 1000 AS integer)) END
  WHERE rowid = new.rowid;
END;
--> statement-breakpoint
CREATE TRIGGER `freelancer_profiles_after_listable_change` AFTER UPDATE OF `headline`, `hourly_rate_minor`, `skill_count` ON `freelancer_profiles`
WHEN coalesce(trim(new.headline) <> '' AND new.hourly_rate_minor > 0 AND new.skill_count > 0, 0) IS NOT (new.listed_at IS NOT NULL)
BEGIN
  UPDATE `freelancer_profiles` SET `listed_at` =
    CASE WHEN trim(new.headline) <> '' AND new.hourly_rate_minor > 0 AND new.skill_count > 0
      THEN CAST(unixepoch('subsec') * 1000 AS integer) END
  WHERE rowid = new.rowid;
END;
--> statement-breakpoint
-- Who is listable now has been since they joined, as far as anyone can tell: so the first alert
-- run after this migration does not announce every freelancer.
UPDATE `freelancer_profiles` SET `listed_at` = (SELECT `created_at` FROM `users` WHERE `id` = freelancer_profiles.user_id)
WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
-- The listed profiles' index (0033) again, ordered for "Rate: low to high" (then rating) and now
-- holding the stored rating: a search with words or a rate filter reads everything it filters and
-- sorts by from it, never the profile rows (and bios).
DROP INDEX `freelancer_profiles_listed_idx`;
--> statement-breakpoint
CREATE INDEX `freelancer_profiles_listed_idx` ON `freelancer_profiles`
  (`hourly_rate_minor`, `rating_smoothed` DESC, `user_id`, `currency`, `availability`, `updated_at`, `active_at`, `rating_count`)
  WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
-- With it, one index per sort, so a search without words reads its first page in order instead of
-- sorting every listed freelancer: "Best match" without words (smoothed rating, then recently
-- active), "Rating" (smoothed, then more reviews), "Recently active".
-- The expressions are word for word the search's ORDER BY (ORDER_COLUMNS in
-- app/models/talent-search.server.ts); the WHERE is that of freelancer_profiles_listed_idx.
CREATE INDEX `freelancer_profiles_best_idx` ON `freelancer_profiles`
  (`rating_smoothed` DESC, max(`updated_at`, coalesce(`active_at`, 0)) DESC, `user_id`)
  WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
CREATE INDEX `freelancer_profiles_rating_idx` ON `freelancer_profiles`
  (`rating_smoothed` DESC, `rating_count` DESC, `user_id`)
  WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
CREATE INDEX `freelancer_profiles_active_idx` ON `freelancer_profiles`
  (max(`updated_at`, coalesce(`active_at`, 0)) DESC, `user_id`)
  WHERE trim(`headline`) <> '' AND `hourly_rate_minor` > 0 AND `skill_count` > 0;
--> statement-breakpoint
-- Saved talent searches' alerts: who was listed in a 10-minute window.
CREATE INDEX `freelancer_profiles_listed_at_idx` ON `freelancer_profiles` (`listed_at`) WHERE `listed_at` IS NOT NULL;
