import { sql, type SQL } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { SECOND_MS } from '~/domain/durations'
import { getDb } from '../db.server'
import { ratingsOfClients } from './client-ratings.server'
import { where, type Conditions } from './sql-conditions'
import {
  CLIENT_RATING_THRESHOLDS,
  type BudgetType,
  type FacetCount,
  type ProjectSearchInput,
  type RatingThreshold,
} from './types'

/** The number of matches and the facet counts beside the page of results. */
export type Summary = {
  total: number
  budgetType: FacetCount<BudgetType>[]
  skills: FacetCount[]
  clientRating: FacetCount<RatingThreshold>[]
}

/**
 * Broad searches (the landing page, one common word) match tens of thousands of projects, and
 * counting their facets takes far longer than finding a page: their counts are kept for half a
 * minute. Narrow searches are always counted afresh; the page of results is always fresh.
 */
const SUMMARY_CACHE_MIN_TOTAL = 2_000
const summaries = new LRUCache<string, Summary>({ max: 200, ttl: 30 * SECOND_MS })

/** The kept counts for a search key, or fresh ones (kept when the search is broad). */
export function summaryFor(key: string | null, count: () => Summary): Summary {
  const kept = key === null ? undefined : summaries.get(key)
  if (kept) return kept
  const summary = count()
  if (key !== null && summary.total >= SUMMARY_CACHE_MIN_TOTAL) summaries.set(key, summary)
  return summary
}

export function forgetSummaries(): void {
  summaries.clear()
}

/**
 * The total and the facet counts, in two passes over the matches: one grouped by budget type
 * that also counts each rating threshold, and one over the matches' skills.
 */
export function countMatches(from: SQL, conditions: Conditions, input: ProjectSearchInput, now: Date): Summary {
  const db = getDb()
  // Matches per budget type and client: small (at most two rows per client), and enough to count
  // the total, the budget types and every rating threshold here, without another pass.
  const groups = db.all<{ type: BudgetType; clientId: string; n: number }>(sql`
    select p.budget_type as type, p.client_id as clientId, count(*) as n
    from ${from}
    where ${where([...conditions.base, conditions.skills])}
    group by p.budget_type, p.client_id`)
  const rated = ratingsOfClients(
    groups.map((group) => group.clientId),
    now,
  )
  const ratingOf = (clientId: string) => rated.get(clientId)?.average ?? 0
  const ratingOk = (clientId: string) =>
    input.clientRatingMin === undefined || ratingOf(clientId) >= input.clientRatingMin
  const typeOk = (type: BudgetType) => !input.budgetType || type === input.budgetType
  const byType = new Map<BudgetType, number>()
  let total = 0
  const thresholdCounts = CLIENT_RATING_THRESHOLDS.map(() => 0)
  for (const group of groups) {
    if (ratingOk(group.clientId)) {
      byType.set(group.type, (byType.get(group.type) ?? 0) + group.n)
      if (typeOk(group.type)) total += group.n
    }
    if (typeOk(group.type)) {
      CLIENT_RATING_THRESHOLDS.forEach((threshold, i) => {
        if (ratingOf(group.clientId) >= Number(threshold)) thresholdCounts[i]! += group.n
      })
    }
  }
  const skills = db.all<FacetCount>(sql`
    select s.name as value, count(*) as count
    from ${from} join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id
    where ${where([...conditions.base, conditions.budgetType, conditions.rating])}
    group by s.id order by count desc, s.name asc`)
  return {
    total,
    budgetType: [...byType]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    skills,
    clientRating: CLIENT_RATING_THRESHOLDS.map((value, i) => ({ value, count: thresholdCounts[i]! })),
  }
}
