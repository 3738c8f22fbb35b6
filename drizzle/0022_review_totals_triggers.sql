-- Review visibility and rating totals, kept in step by triggers (tables in 0021; see
-- app/models/schema/review-totals.ts).
--
-- review_visibility holds, per review, what the double-blind rule needs: whether someone else has
-- reviewed the same contract (`both_reviewed`) and the contract's `ended_at`. The rule is then
--   both_reviewed OR contract_ended_at <= now - 14 days
-- exactly as reviewVisibleSql (app/models/reviews.server.ts) says it with subqueries.
--
-- review_rating_totals sums the ratings of every review visible once all contracts that ended by
-- review_totals_folded.ended_through (E) are past their window: both_reviewed OR contract_ended_at <= E.
-- A reader at any "now" adds (or takes out) the reviews between E and now - 14 days
-- (app/models/review-totals.server.ts); the review-totals job moves E forward as windows close.
--
-- First the existing reviews, folded up to 14 days before now.
INSERT INTO `review_totals_folded` (`id`, `ended_through`) VALUES (1, unixepoch('subsec') * 1000 - 1209600000);
--> statement-breakpoint
INSERT INTO `review_visibility` (`review_id`, `contract_id`, `reviewee_id`, `direction`, `rating`, `both_reviewed`, `contract_ended_at`)
SELECT r.id, r.contract_id, r.reviewee_id, r.direction, r.rating,
  (SELECT count(DISTINCT o.reviewer_id) FROM `reviews` o WHERE o.contract_id = r.contract_id) >= 2,
  (SELECT c.ended_at FROM `contracts` c WHERE c.id = r.contract_id)
FROM `reviews` r;
--> statement-breakpoint
INSERT INTO `review_rating_totals` (`reviewee_id`, `direction`, `rating_sum`, `review_count`)
SELECT v.reviewee_id, v.direction, sum(v.rating), count(*) FROM `review_visibility` v
WHERE v.both_reviewed OR v.contract_ended_at <= (SELECT `ended_through` FROM `review_totals_folded` WHERE `id` = 1)
GROUP BY v.direction, v.reviewee_id;
--> statement-breakpoint
-- reviews → review_visibility. A second reviewer on a contract makes every review of it both_reviewed.
CREATE TRIGGER `review_visibility_after_review_insert` AFTER INSERT ON `reviews` BEGIN
  INSERT INTO `review_visibility` (`review_id`, `contract_id`, `reviewee_id`, `direction`, `rating`, `both_reviewed`, `contract_ended_at`)
  VALUES (new.id, new.contract_id, new.reviewee_id, new.direction, new.rating, 0,
    (SELECT c.ended_at FROM `contracts` c WHERE c.id = new.contract_id));
  UPDATE `review_visibility` SET `both_reviewed` = 1
  WHERE `contract_id` = new.contract_id AND NOT `both_reviewed`
    AND (SELECT count(DISTINCT o.reviewer_id) FROM `reviews` o WHERE o.contract_id = new.contract_id) >= 2;
END;
--> statement-breakpoint
CREATE TRIGGER `review_visibility_after_review_delete` AFTER DELETE ON `reviews` BEGIN
  DELETE FROM `review_visibility` WHERE `review_id` = old.id;
  UPDATE `review_visibility`
  SET `both_reviewed` = (SELECT count(DISTINCT o.reviewer_id) FROM `reviews` o WHERE o.contract_id = old.contract_id) >= 2
  WHERE `contract_id` = old.contract_id;
END;
--> statement-breakpoint
-- Reviews are never changed by the app; should one be, its row is written again.
CREATE TRIGGER `review_visibility_after_review_update` AFTER UPDATE OF `id`, `contract_id`, `reviewer_id`, `reviewee_id`, `direction`, `rating` ON `reviews` BEGIN
  DELETE FROM `review_visibility` WHERE `review_id` = old.id;
  INSERT INTO `review_visibility` (`review_id`, `contract_id`, `reviewee_id`, `direction`, `rating`, `both_reviewed`, `contract_ended_at`)
  VALUES (new.id, new.contract_id, new.reviewee_id, new.direction, new.rating, 0,
    (SELECT c.ended_at FROM `contracts` c WHERE c.id = new.contract_id));
  UPDATE `review_visibility`
  SET `both_reviewed` = (SELECT count(DISTINCT o.reviewer_id) FROM `reviews` o WHERE o.contract_id = review_visibility.contract_id) >= 2
  WHERE `contract_id` IN (old.contract_id, new.contract_id);
END;
--> statement-breakpoint
-- contracts → review_visibility: the end time the window runs from.
CREATE TRIGGER `review_visibility_after_contract_insert` AFTER INSERT ON `contracts` BEGIN
  UPDATE `review_visibility` SET `contract_ended_at` = new.ended_at
  WHERE `contract_id` = new.id AND `contract_ended_at` IS NOT new.ended_at;
END;
--> statement-breakpoint
CREATE TRIGGER `review_visibility_after_contract_end` AFTER UPDATE OF `ended_at` ON `contracts` BEGIN
  UPDATE `review_visibility` SET `contract_ended_at` = new.ended_at
  WHERE `contract_id` = new.id AND `contract_ended_at` IS NOT new.ended_at;
END;
--> statement-breakpoint
CREATE TRIGGER `review_visibility_after_contract_delete` AFTER DELETE ON `contracts` BEGIN
  UPDATE `review_visibility` SET `contract_ended_at` = NULL WHERE `contract_id` = old.id;
END;
--> statement-breakpoint
-- review_visibility → review_rating_totals: a row counts there when it is folded.
CREATE TRIGGER `review_rating_totals_after_visibility_insert` AFTER INSERT ON `review_visibility`
WHEN new.both_reviewed OR new.contract_ended_at <= (SELECT `ended_through` FROM `review_totals_folded` WHERE `id` = 1)
BEGIN
  INSERT INTO `review_rating_totals` (`reviewee_id`, `direction`, `rating_sum`, `review_count`)
  VALUES (new.reviewee_id, new.direction, new.rating, 1)
  ON CONFLICT (`direction`, `reviewee_id`) DO UPDATE
  SET `rating_sum` = `rating_sum` + excluded.rating_sum, `review_count` = `review_count` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `review_rating_totals_after_visibility_delete` AFTER DELETE ON `review_visibility`
WHEN old.both_reviewed OR old.contract_ended_at <= (SELECT `ended_through` FROM `review_totals_folded` WHERE `id` = 1)
BEGIN
  UPDATE `review_rating_totals` SET `rating_sum` = `rating_sum` - old.rating, `review_count` = `review_count` - 1
  WHERE `direction` = old.direction AND `reviewee_id` = old.reviewee_id;
  DELETE FROM `review_rating_totals`
  WHERE `direction` = old.direction AND `reviewee_id` = old.reviewee_id AND `review_count` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `review_rating_totals_after_visibility_update_old` AFTER UPDATE ON `review_visibility`
WHEN old.both_reviewed OR old.contract_ended_at <= (SELECT `ended_through` FROM `review_totals_folded` WHERE `id` = 1)
BEGIN
  UPDATE `review_rating_totals` SET `rating_sum` = `rating_sum` - old.rating, `review_count` = `review_count` - 1
  WHERE `direction` = old.direction AND `reviewee_id` = old.reviewee_id;
  DELETE FROM `review_rating_totals`
  WHERE `direction` = old.direction AND `reviewee_id` = old.reviewee_id AND `review_count` = 0;
END;
--> statement-breakpoint
CREATE TRIGGER `review_rating_totals_after_visibility_update_new` AFTER UPDATE ON `review_visibility`
WHEN new.both_reviewed OR new.contract_ended_at <= (SELECT `ended_through` FROM `review_totals_folded` WHERE `id` = 1)
BEGIN
  INSERT INTO `review_rating_totals` (`reviewee_id`, `direction`, `rating_sum`, `review_count`)
  VALUES (new.reviewee_id, new.direction, new.rating, 1)
  ON CONFLICT (`direction`, `reviewee_id`) DO UPDATE
  SET `rating_sum` = `rating_sum` + excluded.rating_sum, `review_count` = `review_count` + 1;
END;
