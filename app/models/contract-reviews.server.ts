import { eq, sql } from 'drizzle-orm'
import { getDb } from './db.server'
import type { ReviewDirection } from '../domain/enums'
import { reviewVisibleSql, type Review } from './reviews.server'
import { contracts, reviews, users } from './schema'
import { paidForWorkSql } from './contract-paid.server'

/**
 * What the review page needs of a contract: who is on it, when it ended, and how much it paid for
 * work in its currency (released milestones, a split dispute's freelancer share, paid invoices).
 */
export async function findContractForReview(contractId: string) {
  const found = getDb()
    .select({
      id: contracts.id,
      title: contracts.title,
      clientId: contracts.clientId,
      freelancerId: contracts.freelancerId,
      status: contracts.status,
      endedAt: contracts.endedAt,
      currency: contracts.currency,
      paidMinor: sql<number>`${sql.raw(paidForWorkSql('contracts.id'))}`,
    })
    .from(contracts)
    .where(eq(contracts.id, contractId))
    .get()
  return found && { ...found, paidMinor: Number(found.paidMinor) }
}

export async function findUserName(userId: string): Promise<string | undefined> {
  return getDb().select({ name: users.name }).from(users).where(eq(users.id, userId)).get()?.name
}

export type ContractReview = Review & { visible: boolean }

/**
 * The reviews written on one contract, each with whether the double-blind rule lets it show now
 * (the same rule as everywhere reviews are shown: `reviewVisibleSql`).
 */
export async function listReviewsOfContract(contractId: string, now: Date): Promise<ContractReview[]> {
  const rows = getDb().all<{
    id: string
    contractId: string
    reviewerId: string
    revieweeId: string
    direction: ReviewDirection
    rating: number
    subRatings: string
    comment: string
    createdAt: number
    visible: number
  }>(sql`
    select r.id, r.contract_id as contractId, r.reviewer_id as reviewerId, r.reviewee_id as revieweeId, r.direction,
           r.rating, r.sub_ratings as subRatings, r.comment, r.created_at as createdAt,
           ${reviewVisibleSql(now)} as visible
    from reviews r where r.contract_id = ${contractId}
    order by r.created_at`)
  return rows.map((row) => ({
    ...row,
    subRatings: JSON.parse(row.subRatings) as Record<string, number>,
    createdAt: new Date(row.createdAt),
    visible: Boolean(row.visible),
  }))
}

/** Stores a review; null when this reviewer has already reviewed this contract (unique index). */
export async function insertReview(input: Omit<Review, 'id'>): Promise<Review | null> {
  const inserted = getDb()
    .insert(reviews)
    .values({ id: crypto.randomUUID(), ...input })
    .onConflictDoNothing({ target: [reviews.contractId, reviews.reviewerId] })
    .returning()
    .all()
  return inserted[0] ?? null
}
