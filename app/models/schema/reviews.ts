import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { at, createdAt } from './columns'
import { userRef } from './accounts'
import { ownedByContract } from './contracts'
import { REVIEW_DIRECTIONS } from '../../domain/enums'

/**
 * A review one side of an ended contract wrote of the other. Double-blind: it stays hidden until
 * both sides have written theirs or the 14-day window after the contract ended has closed.
 */
export const reviews = sqliteTable(
  'reviews',
  {
    ...ownedByContract(),
    reviewerId: userRef('reviewer_id'),
    revieweeId: userRef('reviewee_id'),
    direction: text('direction', { enum: REVIEW_DIRECTIONS }).notNull(),
    /** Overall 1–5. */
    rating: integer('rating').notNull(),
    /** Sub-ratings 1–5 by name, e.g. {"quality":5,"communication":4}. */
    subRatings: text('sub_ratings', { mode: 'json' }).$type<Record<string, number>>().notNull(),
    comment: text('comment').notNull(),
    createdAt: createdAt(),
    /** The reviewed person's public answer, one per review (PRODUCT: review retaliation is answered in words, not stars). */
    reply: text('reply'),
    /** When the answer was last written. */
    repliedAt: at('replied_at'),
  },
  (t) => [
    uniqueIndex('reviews_contract_reviewer_unique').on(t.contractId, t.reviewerId),
    index('reviews_reviewee_idx').on(t.revieweeId, t.createdAt),
    // Covers the search's client ratings (every client's mean rating from freelancers) without
    // reading the table: half the cost of a search with cold caches on the large seed.
    index('reviews_direction_reviewee_idx').on(t.direction, t.revieweeId, t.contractId, t.reviewerId, t.rating),
  ],
)
