import { and, eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import type { ReviewDirection } from '../domain/enums'
import { reviews } from './schema'
import { DAY_MS } from '~/domain/durations'

/** A review as its author wrote it; the reviewed person's reply is read with the visible reviews. */
export type Review = Omit<typeof reviews.$inferSelect, 'reply' | 'repliedAt'>

/** How long after a contract ends each side may review; the reviews show when it closes. */
export const REVIEW_WINDOW_DAYS = 14
export const REVIEW_WINDOW_MS = REVIEW_WINDOW_DAYS * DAY_MS

/**
 * The double-blind rule in SQL, for a review aliased `r`: it shows once the other side has
 * reviewed the same contract too, or once the review window after the contract ended has closed.
 */
export function reviewVisibleSql(now: Date) {
  return sql`(
    exists (select 1 from reviews other where other.contract_id = r.contract_id and other.reviewer_id <> r.reviewer_id)
    or (select c.ended_at from contracts c where c.id = r.contract_id) <= ${now.getTime() - REVIEW_WINDOW_MS}
  )`
}

export type VisibleReview = {
  id: string
  contractId: string
  contractTitle: string
  reviewerId: string
  reviewerName: string
  direction: ReviewDirection
  rating: number
  subRatings: Record<string, number>
  comment: string
  createdAt: Date
  /** The reviewed person's public answer, if they wrote one. */
  reply: string | null
  repliedAt: Date | null
}

type VisibleReviewRow = Omit<VisibleReview, 'subRatings' | 'createdAt' | 'repliedAt'> & {
  subRatings: string
  createdAt: number
  repliedAt: number | null
}

const visibleReviewColumns = sql`r.id, r.contract_id as contractId, c.title as contractTitle, r.reviewer_id as reviewerId,
  u.name as reviewerName, r.direction, r.rating, r.sub_ratings as subRatings, r.comment, r.created_at as createdAt,
  r.reply, r.replied_at as repliedAt`

function visibleReview(row: VisibleReviewRow): VisibleReview {
  return {
    ...row,
    subRatings: JSON.parse(row.subRatings),
    createdAt: new Date(row.createdAt),
    repliedAt: row.repliedAt === null ? null : new Date(row.repliedAt),
  }
}

/** The reviews others wrote of this user that may be shown, newest first. */
export async function listVisibleReviewsOf(
  revieweeId: string,
  { limit = 20, offset = 0, now = new Date() }: { limit?: number; offset?: number; now?: Date } = {},
): Promise<VisibleReview[]> {
  const rows = getDb().all<VisibleReviewRow>(sql`
    select ${visibleReviewColumns}
    from reviews r join users u on u.id = r.reviewer_id join contracts c on c.id = r.contract_id
    where r.reviewee_id = ${revieweeId} and ${reviewVisibleSql(now)}
    order by r.created_at desc
    limit ${limit} offset ${offset}`)
  return rows.map(visibleReview)
}

/** One review of `revieweeId`, if it exists, is of them and may be shown yet; otherwise null. */
export async function findVisibleReviewOf(
  reviewId: string,
  revieweeId: string,
  now = new Date(),
): Promise<VisibleReview | null> {
  const row = getDb().get<VisibleReviewRow>(sql`
    select ${visibleReviewColumns}
    from reviews r join users u on u.id = r.reviewer_id join contracts c on c.id = r.contract_id
    where r.id = ${reviewId} and r.reviewee_id = ${revieweeId} and ${reviewVisibleSql(now)}`)
  return row ? visibleReview(row) : null
}

/** Writes (or with null, removes) the reviewed person's answer to a review of them. */
export async function writeReviewReply(
  reviewId: string,
  revieweeId: string,
  reply: string | null,
  at: Date,
): Promise<void> {
  getDb()
    .update(reviews)
    .set({ reply, repliedAt: reply === null ? null : at })
    .where(and(eq(reviews.id, reviewId), eq(reviews.revieweeId, revieweeId)))
    .run()
}

export type ReviewStats = {
  count: number
  /** Mean overall rating, or null with no visible reviews. */
  average: number | null
  /** Mean of each sub-rating over the visible reviews that have it. */
  subAverages: Record<string, number>
  /** How many visible reviews gave each overall rating 1–5. */
  histogram: [number, number, number, number, number]
}

export async function reviewStatsOf(revieweeId: string, now = new Date()): Promise<ReviewStats> {
  const rows = getDb().all<{ rating: number; subRatings: string }>(sql`
    select r.rating, r.sub_ratings as subRatings from reviews r
    where r.reviewee_id = ${revieweeId} and ${reviewVisibleSql(now)}`)
  const histogram: ReviewStats['histogram'] = [0, 0, 0, 0, 0]
  const sums = new Map<string, { total: number; n: number }>()
  let total = 0
  for (const row of rows) {
    total += row.rating
    histogram[row.rating - 1] = (histogram[row.rating - 1] ?? 0) + 1
    for (const [name, value] of Object.entries(JSON.parse(row.subRatings) as Record<string, number>)) {
      const sum = sums.get(name) ?? { total: 0, n: 0 }
      sum.total += value
      sum.n += 1
      sums.set(name, sum)
    }
  }
  return {
    count: rows.length,
    average: rows.length ? total / rows.length : null,
    subAverages: Object.fromEntries([...sums].map(([name, sum]) => [name, sum.total / sum.n])),
    histogram,
  }
}
