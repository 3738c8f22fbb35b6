import { eq, sql } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import type { ReviewDirection } from '~/domain/enums'
import { insertHiredContract } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { insertReview } from './contract-reviews.server'
import { getDb } from './db.server'
import { foldClosedReviewWindows, ratedAtLeastSql, visibleRatingTotalsOf } from './review-totals.server'
import { REVIEW_WINDOW_MS, reviewVisibleSql } from './reviews.server'
import { contracts, reviews } from './schema'

const DAY = 86_400_000
const T = new Date('2026-06-01T12:00:00Z').getTime()
const DIRECTIONS: ReviewDirection[] = ['freelancer_to_client', 'client_to_freelancer']

/** The live computation the totals replace: every visible review, by the subqueries of reviewVisibleSql. */
function liveTotals(direction: ReviewDirection, ids: string[], now: Date) {
  const rows = getDb().all<{ id: string; sum: number; count: number }>(sql`
    select r.reviewee_id as id, sum(r.rating) as sum, count(*) as count from reviews r
    where r.direction = ${direction} and ${reviewVisibleSql(now)}
      and r.reviewee_id in (select value from json_each(${JSON.stringify(ids)}))
    group by r.reviewee_id`)
  return new Map(rows.map((row) => [row.id, { sum: row.sum, count: row.count }]))
}

function liveRatedAtLeast(direction: ReviewDirection, ids: string[], min: number, now: Date): string[] {
  return getDb()
    .all<{ id: string }>(
      sql`
      select r.reviewee_id as id from reviews r
      where r.direction = ${direction} and ${reviewVisibleSql(now)}
        and r.reviewee_id in (select value from json_each(${JSON.stringify(ids)}))
      group by r.reviewee_id having avg(r.rating) >= ${min}`,
    )
    .map((row) => row.id)
    .sort()
}

function ratedAtLeast(direction: ReviewDirection, ids: string[], min: number, now: Date): string[] {
  return getDb()
    .all<{ id: string }>(
      sql`
      select value as id from json_each(${JSON.stringify(ids)})
      where value in ${ratedAtLeastSql(direction, min, now)}`,
    )
    .map((row) => row.id)
    .sort()
}

/** The maintained figures equal the live ones for both directions at each of these instants. */
function expectSameAsLive(ids: string[], nows: number[]) {
  for (const at of nows) {
    const now = new Date(at)
    for (const direction of DIRECTIONS) {
      const live = liveTotals(direction, ids, now)
      expect(visibleRatingTotalsOf(direction, ids, now), `${direction} at ${now.toISOString()}`).toEqual(live)
      for (const min of [3, 4, 4.5])
        expect(ratedAtLeast(direction, ids, min, now), `${direction} ≥ ${min} at ${now.toISOString()}`).toEqual(
          liveRatedAtLeast(direction, ids, min, now),
        )
    }
  }
}

async function contractBetween(clientId: string, freelancerId: string, endedAt: number | null) {
  return insertHiredContract({
    clientId,
    freelancerId,
    type: 'fixed',
    title: 'Reviewed work',
    amountMinor: 10_000,
    contract: endedAt === null ? { status: 'active' } : { status: 'ended', endedAt: new Date(endedAt) },
  })
}

async function review(
  contract: { id: string; clientId: string; freelancerId: string },
  by: 'client' | 'freelancer',
  rating: number,
  at: number,
) {
  const fromClient = by === 'client'
  const written = await insertReview({
    contractId: contract.id,
    reviewerId: fromClient ? contract.clientId : contract.freelancerId,
    revieweeId: fromClient ? contract.freelancerId : contract.clientId,
    direction: fromClient ? 'client_to_freelancer' : 'freelancer_to_client',
    rating,
    subRatings: {},
    comment: 'Fine.',
    createdAt: new Date(at),
  })
  if (!written) throw new Error('review not written')
  return written
}

describe('review totals', () => {
  it('equal the live double-blind computation at any now: written, hidden, window closing, deleted, folded', async () => {
    const clients = [await createTestUser('client'), await createTestUser('client'), await createTestUser('client')]
    const freelancers = [await createTestUser('freelancer'), await createTestUser('freelancer')]
    const ids = [...clients, ...freelancers].map((user) => user.id)
    const [a, b, c] = clients.map((user) => user.id) as [string, string, string]
    const [f, g] = freelancers.map((user) => user.id) as [string, string]

    // Both sides reviewed, window still open: both show whatever the time.
    const both = await contractBetween(a, f, T - 2 * DAY)
    await review(both, 'client', 5, T - DAY)
    await review(both, 'freelancer', 4, T - DAY)
    // One side reviewed, window long closed: shows.
    const closed = await contractBetween(a, g, T - 60 * DAY)
    await review(closed, 'freelancer', 2, T - 50 * DAY)
    // One side reviewed, window open: hidden until it closes (T + 9 days).
    const open = await contractBetween(b, f, T - 5 * DAY)
    await review(open, 'freelancer', 5, T - 4 * DAY)
    await review(await contractBetween(c, g, T - 3 * DAY), 'client', 3, T - 2 * DAY)
    // Reviewed while the contract has not ended (inserted directly; the page refuses): hidden.
    const running = await contractBetween(c, f, null)
    await review(running, 'freelancer', 1, T)
    // Another client's review whose window closes exactly at T + 1 day.
    const edge = await contractBetween(b, g, T + DAY - REVIEW_WINDOW_MS)
    await review(edge, 'freelancer', 3, T - 10 * DAY)

    const instants = [
      T - 100 * DAY,
      T - 55 * DAY,
      T,
      T + DAY - 1,
      T + DAY,
      T + 9 * DAY - 1,
      T + 9 * DAY,
      T + 30 * DAY,
      Date.now(),
      Date.now() + 400 * DAY,
    ]
    expectSameAsLive(ids, instants)
    // At T: client a has 4 (both) and 2 (closed window); b's open one does not show yet.
    expect(visibleRatingTotalsOf('freelancer_to_client', [a, b], new Date(T))).toEqual(
      new Map([[a, { sum: 6, count: 2 }]]),
    )
    expect(visibleRatingTotalsOf('freelancer_to_client', [b], new Date(T + 9 * DAY))).toEqual(
      new Map([[b, { sum: 8, count: 2 }]]),
    )

    // The other side reviews: both reviews show at once, before the window closes.
    await review(open, 'client', 4, T + DAY)
    expect(visibleRatingTotalsOf('freelancer_to_client', [b], new Date(T + 2 * DAY))).toEqual(
      new Map([[b, { sum: 8, count: 2 }]]),
    )
    expectSameAsLive(ids, instants)

    // The running contract ends: its review shows once that window closes.
    const endedAt = T + 3 * DAY
    getDb()
      .update(contracts)
      .set({ status: 'ended', endedAt: new Date(endedAt) })
      .where(eq(contracts.id, running.id))
      .run()
    expectSameAsLive(ids, [...instants, endedAt + REVIEW_WINDOW_MS - 1, endedAt + REVIEW_WINDOW_MS])

    // The fold job moves forward (windows close) and back is refused; totals stay exact either side of it.
    for (const at of [T - 40 * DAY, T + DAY, T + 20 * DAY, Date.now() + 30 * DAY]) {
      await foldClosedReviewWindows(new Date(at))
      expectSameAsLive(ids, [...instants, endedAt + REVIEW_WINDOW_MS - 1, endedAt + REVIEW_WINDOW_MS])
    }
    expect(await foldClosedReviewWindows(new Date(T))).toEqual({ folded: 0 })

    // A review written after the fold passed its window (seeds, late imports) counts at once.
    const late = await contractBetween(c, f, T - 90 * DAY)
    await review(late, 'freelancer', 5, T - 80 * DAY)
    // A deleted review stops counting, and so does the other side's, whose pair is gone.
    getDb().delete(reviews).where(eq(reviews.contractId, both.id)).run()
    getDb().run(sql`delete from reviews where contract_id = ${open.id} and reviewer_id = ${b}`)
    expectSameAsLive(ids, instants)
    // A deleted contract takes its reviews with it.
    getDb().delete(contracts).where(eq(contracts.id, closed.id)).run()
    expectSameAsLive(ids, instants)
    expect(visibleRatingTotalsOf('freelancer_to_client', [a], new Date(T))).toEqual(new Map())
  })
})
