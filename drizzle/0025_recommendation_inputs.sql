-- A counter per freelancer of the writes that can change their recommended projects
-- (app/services/marketplace/dashboard-recommendations.server.ts), beside search_generation (0023),
-- which counts the writes to projects, project skills and skill names. Their own profile, skills,
-- discovery preferences and portfolio; their proposals and contract activity (when they were last
-- active); reviews they wrote or received, and their contracts' milestones, invoices and disputes
-- (their record). The row '*' counts what every freelancer's recommendations share: a client
-- blocked or unblocked, a client's time zone. The dashboard reuses a freelancer's recommendations
-- only while both counters, the matching weights and the time limits it computed are unchanged.
CREATE TABLE `recommendation_inputs` (
  `user_id` text PRIMARY KEY NOT NULL,
  `n` integer NOT NULL
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_profiles_insert` AFTER INSERT ON `freelancer_profiles` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_profiles_update` AFTER UPDATE ON `freelancer_profiles` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_profiles_delete` AFTER DELETE ON `freelancer_profiles` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_skills_insert` AFTER INSERT ON `freelancer_skills` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_skills_update` AFTER UPDATE ON `freelancer_skills` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_freelancer_skills_delete` AFTER DELETE ON `freelancer_skills` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_discovery_preferences_insert` AFTER INSERT ON `discovery_preferences` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_discovery_preferences_update` AFTER UPDATE ON `discovery_preferences` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_discovery_preferences_delete` AFTER DELETE ON `discovery_preferences` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_portfolio_items_insert` AFTER INSERT ON `portfolio_items` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_portfolio_items_update` AFTER UPDATE ON `portfolio_items` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`user_id`, 1 WHERE new.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_portfolio_items_delete` AFTER DELETE ON `portfolio_items` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`user_id`, 1 WHERE old.`user_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_proposals_insert` AFTER INSERT ON `proposals` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`freelancer_id`, 1 WHERE new.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_proposals_update` AFTER UPDATE ON `proposals` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`freelancer_id`, 1 WHERE old.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`freelancer_id`, 1 WHERE new.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_proposals_delete` AFTER DELETE ON `proposals` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`freelancer_id`, 1 WHERE old.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contract_activity_insert` AFTER INSERT ON `contract_activity` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`actor_id`, 1 WHERE new.`actor_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contract_activity_update` AFTER UPDATE ON `contract_activity` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`actor_id`, 1 WHERE old.`actor_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`actor_id`, 1 WHERE new.`actor_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contract_activity_delete` AFTER DELETE ON `contract_activity` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`actor_id`, 1 WHERE old.`actor_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contracts_insert` AFTER INSERT ON `contracts` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`freelancer_id`, 1 WHERE new.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contracts_update` AFTER UPDATE ON `contracts` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`freelancer_id`, 1 WHERE old.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`freelancer_id`, 1 WHERE new.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_contracts_delete` AFTER DELETE ON `contracts` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`freelancer_id`, 1 WHERE old.`freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_reviews_insert` AFTER INSERT ON `reviews` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`reviewer_id`, 1 WHERE new.`reviewer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`reviewee_id`, 1 WHERE new.`reviewee_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_reviews_update` AFTER UPDATE ON `reviews` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`reviewer_id`, 1 WHERE old.`reviewer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`reviewee_id`, 1 WHERE old.`reviewee_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`reviewer_id`, 1 WHERE new.`reviewer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT new.`reviewee_id`, 1 WHERE new.`reviewee_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_reviews_delete` AFTER DELETE ON `reviews` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`reviewer_id`, 1 WHERE old.`reviewer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT old.`reviewee_id`, 1 WHERE old.`reviewee_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_milestones_insert` AFTER INSERT ON `milestones` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_milestones_update` AFTER UPDATE ON `milestones` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_milestones_delete` AFTER DELETE ON `milestones` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_invoices_insert` AFTER INSERT ON `invoices` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_invoices_update` AFTER UPDATE ON `invoices` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_invoices_delete` AFTER DELETE ON `invoices` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_disputes_insert` AFTER INSERT ON `disputes` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_disputes_update` AFTER UPDATE ON `disputes` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = new.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_disputes_delete` AFTER DELETE ON `disputes` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT `freelancer_id`, 1 FROM `contracts` WHERE `id` = old.`contract_id` AND `freelancer_id` IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_user_block` AFTER UPDATE OF `blocked_at` ON `users` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT '*', 1 WHERE '*' IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_weekly_availability_insert` AFTER INSERT ON `weekly_availability` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT '*', 1 WHERE '*' IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_weekly_availability_update` AFTER UPDATE ON `weekly_availability` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT '*', 1 WHERE '*' IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `recommendation_inputs_after_weekly_availability_delete` AFTER DELETE ON `weekly_availability` BEGIN
  INSERT INTO `recommendation_inputs` (`user_id`, `n`) SELECT '*', 1 WHERE '*' IS NOT NULL ON CONFLICT (`user_id`) DO UPDATE SET `n` = `n` + 1;
END;
