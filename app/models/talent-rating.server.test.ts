import { sql } from 'drizzle-orm'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { DAY_MS } from '~/domain/durations'
import { smoothedRating, smoothedRatingOfTotals } from '~/domain/smoothed-rating'
import { findReviewContract, submitReview } from '~/services/marketplace/reviews.server'
import { insertHiredContract, insertReleasedMilestone } from '~/test/escrow-fixtures'
import { createTestUser } from '~/test/users'
import { getDb } from './db.server'
import { ensureSkills, replaceFreelancerSkills, updateFreelancerProfile } from './profiles.server'
import { foldClosedReviewWindows, visibleRatingTotalsOf } from './review-totals.server'
import { reviewStatsOf } from './reviews.server'
import { searchFreelancers } from './talent-search.server'

afterEach(() => vi.restoreAllMocks())

/** A listed freelancer with a skill no other test's freelancer has, so a search by it reads only these. */
async function listedFreelancer(skill: string) {
  const user = await createTestUser('freelancer')
  await updateFreelancerProfile(user.id, { headline: 'Designer', hourlyRateMinor: 5000 })
  await replaceFreelancerSkills(user.id, [...(await ensureSkills([skill])).values()])
  return user
}

function stored(userId: string) {
  return getDb().get<{ count: number; smoothed: number }>(
    sql`select rating_count as count, rating_smoothed as smoothed from freelancer_profiles where user_id = ${userId}`,
  )!
}

/** A contract between them that ended `daysAgo` days ago, read as the review page reads it. */
async function endedContract(clientId: string, freelancerId: string, daysAgo: number) {
  const contract = await insertHiredContract({
    clientId,
    freelancerId,
    type: 'fixed',
    title: 'Logo work',
    amountMinor: 10_000,
    contract: { status: 'ended', endedAt: new Date(Date.now() - daysAgo * DAY_MS) },
  })
  await insertReleasedMilestone(contract.id, 10_000)
  return (await findReviewContract(contract.id, clientId))!.contract
}

const review = (rating: number) => ({ rating, subRatings: {}, comment: 'Good work.' })

describe("the talent search's stored rating", () => {
  it('follows a published review: hidden while only one side has reviewed, the rank formula once both have', async () => {
    const freelancer = await listedFreelancer(`Skill ${crypto.randomUUID()}`)
    const client = await createTestUser('client')
    expect(stored(freelancer.id)).toEqual({ count: 0, smoothed: smoothedRating(0, null) })

    const contract = await endedContract(client.id, freelancer.id, 1)
    expect((await submitReview(contract, client.id, review(5))).ok).toBe(true)
    // Double-blind: the client's review does not show (nor count) until the freelancer has written theirs.
    expect(stored(freelancer.id)).toEqual({ count: 0, smoothed: smoothedRating(0, null) })

    expect((await submitReview(contract, freelancer.id, review(2))).ok).toBe(true)
    const stats = await reviewStatsOf(freelancer.id)
    expect(stats).toMatchObject({ count: 1, average: 5 })
    expect(stored(freelancer.id).count).toBe(1)
    expect(stored(freelancer.id).smoothed).toBeCloseTo(smoothedRating(stats.count, stats.average), 12)
  })

  it('sorts by the rating as it shows: reviews whose window closed count before they are folded, and after', async () => {
    const skill = `Skill ${crypto.randomUUID()}`
    const [folded, unfolded, unrated] = [
      await listedFreelancer(skill),
      await listedFreelancer(skill),
      await listedFreelancer(skill),
    ]
    const client = await createTestUser('client')
    const both = await endedContract(client.id, folded.id, 1)
    await submitReview(both, client.id, review(5))
    await submitReview(both, folded.id, review(5))
    // Only the client reviews; the window (14 days) closes two days from now.
    for (let i = 0; i < 2; i++) {
      const contract = await endedContract(client.id, unfolded.id, 12)
      await submitReview(contract, client.id, review(5))
    }

    const later = new Date(Date.now() + 3 * DAY_MS)
    // Two 5s not folded yet (live 4.29) beat one folded 5 (4.17), though the stored value still says 4.
    expect(stored(unfolded.id)).toEqual({ count: 0, smoothed: 4 })
    const before = await searchFreelancers({ skills: [skill], sort: 'rating', now: later })
    expect(before.rows.map((row) => row.id)).toEqual([unfolded.id, folded.id, unrated.id])
    expect(before.rows[0]).toMatchObject({ rating: 5, reviewCount: 2 })
    expect((await searchFreelancers({ skills: [skill], now: later })).rows.map((row) => row.id)).toEqual([
      unfolded.id,
      folded.id,
      unrated.id,
    ])
    expect(await searchFreelancers({ skills: [skill], ratingMin: 5, now: later })).toMatchObject({ total: 2 })

    await foldClosedReviewWindows(later)
    expect(stored(unfolded.id).count).toBe(2)
    expect(stored(unfolded.id).smoothed).toBeCloseTo(smoothedRatingOfTotals(10, 2), 12)
    const after = await searchFreelancers({ skills: [skill], sort: 'rating', now: later })
    expect(after.rows.map((row) => row.id)).toEqual([unfolded.id, folded.id, unrated.id])

    // Every freelancer's stored value is the formula over what shows once everything is folded.
    const totals = visibleRatingTotalsOf('client_to_freelancer', null, later)
    const rows = getDb().all<{ id: string; count: number; smoothed: number }>(
      sql`select user_id as id, rating_count as count, rating_smoothed as smoothed from freelancer_profiles`,
    )
    for (const row of rows) {
      const shown = totals.get(row.id) ?? { sum: 0, count: 0 }
      expect({ id: row.id, count: row.count }).toEqual({ id: row.id, count: shown.count })
      expect(row.smoothed).toBeCloseTo(smoothedRatingOfTotals(shown.sum, shown.count), 12)
    }
  })
})

/** The SQL each query of a run of `load` prepared. */
async function preparedBy(load: () => Promise<unknown>): Promise<string[]> {
  const sqlite = getDb().$client
  const prepare = sqlite.prepare.bind(sqlite)
  const sources: string[] = []
  vi.spyOn(sqlite, 'prepare').mockImplementation(((source: string) => {
    sources.push(source)
    return prepare(source)
  }) as typeof sqlite.prepare)
  await load()
  return sources
}

/** SQLite's plan for `source`, one line per step ("parent > step"), with every parameter bound to 0. */
function plan(source: string): string[] {
  const parameters = source.match(/\?/g)?.length ?? 0
  const rows = getDb()
    .$client.prepare(`explain query plan ${source}`)
    .all(...Array<number>(parameters).fill(0)) as { id: number; parent: number; detail: string }[]
  return rows.map((row) => {
    const parent = rows.find((candidate) => candidate.id === row.parent)
    return parent ? `${parent.detail} > ${row.detail}` : row.detail
  })
}

describe('the talent search without words reads its first page from an index', () => {
  // Sorting every listed freelancer by a rating computed per row took a median 44 ms on the large seed.
  it.each([
    ['relevance', 'freelancer_profiles_best_idx'],
    ['rating', 'freelancer_profiles_rating_idx'],
    ['active', 'freelancer_profiles_active_idx'],
    ['rate_low', 'freelancer_profiles_listed_idx'],
  ] as const)('sort %s: %s in order, no sort of all the rows', async (sort, index) => {
    await listedFreelancer('Figma')
    const sources = await preparedBy(() => searchFreelancers({ sort }))
    const page = sources.find((source) => /\border by\b/i.test(source) && /\bunion all\b/i.test(source))
    expect(page).toBeDefined()
    const steps = plan(page!)
    expect(steps.filter((step) => step.includes(index))).toEqual([
      expect.stringMatching(new RegExp(`(SCAN|SEARCH) f USING (COVERING )?INDEX ${index}\\b`)),
    ])
    // The only sort is of the page's candidates: the first rows of that index and the few freelancers
    // with reviews not folded yet. A temp B-tree under the index scan would sort every listed freelancer.
    expect(steps.filter((step) => /TEMP B-TREE FOR ORDER BY/.test(step))).toEqual(['USE TEMP B-TREE FOR ORDER BY'])
  })
})
