import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { REVIEW_DIRECTIONS } from '../../domain/enums'

/**
 * What the double-blind rule needs to know of each review, kept in step with reviews and contracts
 * by triggers (drizzle/0022_review_totals_triggers.sql), never written by the app. A review shows
 * when `both_reviewed`, or when `contract_ended_at <= now − the review window`: the same rule as
 * reviewVisibleSql, with no subquery per review. No foreign keys: the triggers delete the row with
 * its review.
 */
export const reviewVisibility = sqliteTable(
  'review_visibility',
  {
    reviewId: text('review_id').primaryKey(),
    contractId: text('contract_id').notNull(),
    revieweeId: text('reviewee_id').notNull(),
    direction: text('direction', { enum: REVIEW_DIRECTIONS }).notNull(),
    rating: integer('rating').notNull(),
    /** Another person has reviewed the same contract too: the review shows whatever the time. */
    bothReviewed: integer('both_reviewed', { mode: 'boolean' }).notNull(),
    /** The contract's ended_at, copied as it is (null while it runs). */
    contractEndedAt: real('contract_ended_at'),
  },
  (t) => [
    index('review_visibility_contract_idx').on(t.contractId),
    // The reviews a window closing makes visible, in order of when: the fold job and the live
    // difference between the folded totals and a given "now" read a range of it.
    index('review_visibility_window_idx').on(t.bothReviewed, t.contractEndedAt, t.direction, t.revieweeId, t.rating),
  ],
)

/**
 * Each reviewee's sum and count of ratings over the reviews that show once contracts that ended by
 * `review_totals_folded.ended_through` are past their window (every both-reviewed one, plus those).
 * Triggers keep it exact as reviews are written; the review-totals job moves the fold forward as
 * windows close. A reader adds the reviews between the fold and its own "now" (client-ratings).
 */
export const reviewRatingTotals = sqliteTable(
  'review_rating_totals',
  {
    revieweeId: text('reviewee_id').notNull(),
    direction: text('direction', { enum: REVIEW_DIRECTIONS }).notNull(),
    ratingSum: integer('rating_sum').notNull(),
    reviewCount: integer('review_count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.direction, t.revieweeId] })],
)

/** One row: how far review_rating_totals has folded in closed windows (a contract end time). */
export const reviewTotalsFolded = sqliteTable('review_totals_folded', {
  id: integer('id').primaryKey(),
  endedThrough: real('ended_through').notNull(),
})
