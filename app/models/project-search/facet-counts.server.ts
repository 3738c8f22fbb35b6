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
  type RatedClients,
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
 * The total and the facet counts, in one statement: the matches are found once (one full-text
 * search) with which of the other filters each passes, then grouped twice: by budget type and
 * client (enough to count the total, the budget types and every rating threshold here), and by
 * skill. `keepRatings` receives the ratings read for the matches' clients (as of `now`), which hold
 * those of any page of them.
 */
export function countMatches(
  from: SQL,
  conditions: Conditions,
  input: ProjectSearchInput,
  now: Date,
  keepRatings?: (rated: RatedClients) => void,
): Summary {
  const db = getDb()
  const passes = (condition: SQL | null) => condition ?? sql`1`
  // Groups (part 0): matches per budget type and client, with the skills filter; small, at most two
  // rows per client. Skills (part 1): matches per skill, with the budget type and rating filters,
  // most first, then by name. CROSS JOIN keeps the order: from the matches to their skills.
  const rows = db.all<{
    part: 0 | 1
    type: BudgetType | null
    clientId: string | null
    skill: string | null
    n: number
  }>(sql`
    with m as materialized (
      select p.id as id, p.budget_type as type, p.client_id as clientId, ${passes(conditions.skills)} as withSkills,
        ${passes(conditions.budgetType)} and ${passes(conditions.rating)} as withTypeAndRating
      from ${from}
      where ${where(conditions.base)})
    select 0 as part, m.type as type, m.clientId as clientId, null as skill, count(*) as n
    from m where m.withSkills group by m.type, m.clientId
    union all
    select 1, null, null, s.name, count(*)
    from m cross join project_skills ps on ps.project_id = m.id cross join skills s on s.id = ps.skill_id
    where m.withTypeAndRating group by s.id
    order by 1, 5 desc, 4 asc`)
  const groups = rows.flatMap((row) => (row.part === 0 ? [{ type: row.type!, clientId: row.clientId!, n: row.n }] : []))
  const skills = rows.flatMap((row) => (row.part === 1 ? [{ value: row.skill!, count: row.n }] : []))
  const rated = ratingsOfClients(
    groups.map((group) => group.clientId),
    now,
  )
  keepRatings?.(rated)
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
  return {
    total,
    budgetType: [...byType]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    skills,
    clientRating: CLIENT_RATING_THRESHOLDS.map((value, i) => ({ value, count: thresholdCounts[i]! })),
  }
}
