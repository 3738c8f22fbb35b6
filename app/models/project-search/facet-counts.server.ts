import { sql, type SQL } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { DAY_MS } from '~/domain/durations'
import { EXPERIENCE_LEVELS, type ExperienceLevel } from '~/domain/enums'
import { POSTED_WITHIN } from '~/domain/project-search-params'
import { getDb } from '../db.server'
import { where } from './sql-conditions'
import {
  CLIENT_RATING_THRESHOLDS,
  type BudgetType,
  type FacetCount,
  type PostedWithin,
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
  postedWithin: FacetCount<PostedWithin>[]
  experienceLevel: FacetCount<ExperienceLevel>[]
}

/**
 * Matches (with the skills filter, without the level and posted-within ones) per budget type,
 * client and level: enough for the total and the other facets.
 */
export type Group = { type: BudgetType; clientId: string; level: ExperienceLevel; n: number }

/** A match posted lately, with what the other filters read: for the posted-within facet and filter. */
export type RecentMatch = Omit<Group, 'n'> & { createdAt: number }

/** How far back the recent matches go: the longest posted-within choice. */
export const RECENT_DAYS = Math.max(...POSTED_WITHIN.map(Number))
/**
 * Recent matches are read from a little further back than the window needs, so a kept list still
 * covers the window for this long as time passes (within one search generation).
 */
const RECENT_SLACK_MS = 60 * 60 * 1000

/**
 * Counts kept beside the value of `search_generation` (migration 0023) they were read at. Triggers
 * add one to it in the same transaction as every write to projects, project_skills or a skill's
 * name, so a kept value is used only while the search's own read transaction sees the same number:
 * it is then exactly what counting again would give. Client ratings are never kept (they change as
 * review windows close, with no write); what depends on them is worked out from live ratings.
 */
const kept = new LRUCache<string, { generation: number; value: Group[] | FacetCount[] | number }>({
  max: 400,
  // At most this many groups and facet rows in all (a no-text search has a group per client), a few
  // tens of MB; a value larger than that is not kept.
  maxSize: 200_000,
  sizeCalculation: (entry) => (typeof entry.value === 'number' ? 1 : entry.value.length + 1),
})

export function forgetKeptCounts(): void {
  kept.clear()
  keptRecent.clear()
}

/** The search generation as this read transaction sees it. */
export function readSearchGeneration(): number {
  return getDb().get<{ n: number }>(sql`select n from search_generation where id = 1`)?.n ?? 0
}

function keptOr<T extends Group[] | FacetCount[] | number>(key: string | null, generation: number, count: () => T): T {
  const entry = key === null ? undefined : kept.get(key)
  if (entry && entry.generation === generation) return entry.value as T
  const value = count()
  if (key !== null) kept.set(key, { generation, value })
  return value
}

/** How many rows `from` has (the full-text hits of a text, the projects asking for skills), kept. */
export function countRows(from: SQL, key: string, generation: number): number {
  return keptOr(key, generation, () => getDb().get<{ n: number }>(sql`select count(*) as n from ${from}`)?.n ?? 0)
}

/**
 * Matches per budget type, client and level, `filters` holding the skills filter and the base
 * conditions (not the budget type, rating, level or posted-within ones): enough for the total and
 * the budget-type, rating and level facets.
 */
function countGroups(from: SQL, filters: Array<SQL | null>, key: string, generation: number): Group[] {
  return keptOr(key, generation, () =>
    getDb().all<Group>(sql`
      select p.budget_type as type, p.client_id as clientId, p.experience_level as level, count(*) as n
      from ${from}
      where ${where(filters)}
      group by p.budget_type, p.client_id, p.experience_level`),
  )
}

const keptRecent = new LRUCache<string, { generation: number; since: number; value: RecentMatch[] }>({
  max: 400,
  maxSize: 200_000,
  sizeCalculation: (entry) => entry.value.length + 1,
})

/**
 * The matches posted at `since` or later (`filters`: the skills filter and the base conditions),
 * each with its budget type, client, level and time. Kept per search generation, and used while it
 * reaches back to `since`: the posted-within counts then are what counting again would give.
 */
export function listRecentMatches(
  from: SQL,
  filters: Array<SQL | null>,
  key: string,
  generation: number,
  since: number,
): RecentMatch[] {
  const entry = keptRecent.get(key)
  if (entry && entry.generation === generation && entry.since <= since)
    return entry.value.filter((match) => match.createdAt >= since)
  const from_ = since - RECENT_SLACK_MS
  const value = getDb().all<RecentMatch>(sql`
    select p.budget_type as type, p.client_id as clientId, p.experience_level as level, p.created_at as createdAt
    from ${from}
    where ${where([...filters, sql`p.created_at >= ${from_}`])}`)
  keptRecent.set(key, { generation, since: from_, value })
  return value.filter((match) => match.createdAt >= since)
}

/**
 * Matches per skill, most first, then by name; `filters` hold the base conditions and the budget type
 * and rating filters (not the skills one). Kept unless `keep` is false (a client rating filter: ratings
 * change with time). CROSS JOIN keeps the order: from the matches to their skills.
 */
function countSkills(from: SQL, filters: Array<SQL | null>, key: string | null, generation: number): FacetCount[] {
  return keptOr(key, generation, () =>
    getDb().all<FacetCount>(sql`
      select s.name as value, count(*) as count
      from ${from} cross join project_skills ps on ps.project_id = p.id cross join skills s on s.id = ps.skill_id
      where ${where(filters)}
      group by s.id
      order by 2 desc, 1 asc`),
  )
}

/**
 * The groups and the skills facet (as countGroups and countSkills) from one statement when neither is
 * kept, so the matches are found once: each match with whether it passes the skills filter and the
 * budget type and rating filters, then grouped twice. CROSS JOIN keeps the order to the skills.
 */
export function countGroupsAndSkills(
  from: SQL,
  filters: { base: SQL[]; skills: SQL | null; others: Array<SQL | null> },
  keys: { groups: string; skills: string | null },
  generation: number,
): { groups: Group[]; skills: FacetCount[] } {
  const keptGroups = kept.get(keys.groups)
  const keptSkills = keys.skills === null ? undefined : kept.get(keys.skills)
  if (keptGroups?.generation === generation || keptSkills?.generation === generation)
    return {
      groups: countGroups(from, [filters.skills, ...filters.base], keys.groups, generation),
      skills: countSkills(from, [...filters.base, ...filters.others], keys.skills, generation),
    }
  const passes = (condition: SQL | null) => condition ?? sql`1`
  const rows = getDb().all<{
    part: 0 | 1
    type: BudgetType | null
    clientId: string | null
    level: ExperienceLevel | null
    skill: string | null
    n: number
  }>(sql`
    with m as materialized (
      select p.id as id, p.budget_type as type, p.client_id as clientId, p.experience_level as level,
        ${passes(filters.skills)} as withSkills, ${passes(where([...filters.others, sql`1`]))} as withOthers
      from ${from}
      where ${where(filters.base)})
    select 0 as part, m.type as type, m.clientId as clientId, m.level as level, null as skill, count(*) as n
    from m where m.withSkills group by m.type, m.clientId, m.level
    union all
    select 1, null, null, null, s.name, count(*)
    from m cross join project_skills ps on ps.project_id = m.id cross join skills s on s.id = ps.skill_id
    where m.withOthers group by s.id
    order by 1, 6 desc, 5 asc`)
  const groups = rows.flatMap((row) =>
    row.part === 0 ? [{ type: row.type!, clientId: row.clientId!, level: row.level!, n: row.n }] : [],
  )
  const skills = rows.flatMap((row) => (row.part === 1 ? [{ value: row.skill!, count: row.n }] : []))
  kept.set(keys.groups, { generation, value: groups })
  if (keys.skills !== null) kept.set(keys.skills, { generation, value: skills })
  return { groups, skills }
}

/**
 * The total and the budget-type, client-rating, level and posted-within facets, from the groups,
 * the recent matches and live client ratings. Each facet counts with every filter but its own.
 * With a posted-within filter the matches are the recent ones that pass it (the groups hold all).
 */
export function summarize(
  counted: { groups: Group[]; recent: RecentMatch[]; skills: FacetCount[] },
  input: ProjectSearchInput,
  rated: RatedClients,
  now: Date,
): Summary {
  const ratingOf = (clientId: string) => rated.get(clientId)?.average ?? 0
  const ratingOk = (clientId: string) =>
    input.clientRatingMin === undefined || ratingOf(clientId) >= input.clientRatingMin
  const typeOk = (type: BudgetType) => !input.budgetType || type === input.budgetType
  const levelOk = (level: ExperienceLevel) => !input.experienceLevel || level === input.experienceLevel
  const since = (days: number) => now.getTime() - days * DAY_MS
  const matches: Group[] =
    input.postedWithinDays === undefined
      ? counted.groups
      : counted.recent
          .filter((match) => match.createdAt >= since(input.postedWithinDays!))
          .map((match) => ({ ...match, n: 1 }))
  const byType = new Map<BudgetType, number>()
  const byLevel = new Map<ExperienceLevel, number>()
  let total = 0
  const thresholdCounts = CLIENT_RATING_THRESHOLDS.map(() => 0)
  for (const match of matches) {
    const rating = ratingOk(match.clientId)
    const type = typeOk(match.type)
    const level = levelOk(match.level)
    if (rating && level) {
      byType.set(match.type, (byType.get(match.type) ?? 0) + match.n)
      if (type) total += match.n
    }
    if (rating && type) byLevel.set(match.level, (byLevel.get(match.level) ?? 0) + match.n)
    if (type && level) {
      CLIENT_RATING_THRESHOLDS.forEach((threshold, i) => {
        if (ratingOf(match.clientId) >= Number(threshold)) thresholdCounts[i]! += match.n
      })
    }
  }
  const postedSince = POSTED_WITHIN.map((days) => since(Number(days)))
  const postedCounts = POSTED_WITHIN.map(() => 0)
  for (const match of counted.recent) {
    if (!ratingOk(match.clientId) || !typeOk(match.type) || !levelOk(match.level)) continue
    postedSince.forEach((start, i) => {
      if (match.createdAt >= start) postedCounts[i]! += 1
    })
  }
  return {
    total,
    budgetType: [...byType]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)),
    skills: counted.skills,
    clientRating: CLIENT_RATING_THRESHOLDS.map((value, i) => ({ value, count: thresholdCounts[i]! })),
    postedWithin: POSTED_WITHIN.map((value, i) => ({ value, count: postedCounts[i]! })),
    experienceLevel: EXPERIENCE_LEVELS.map((value) => ({ value, count: byLevel.get(value) ?? 0 })),
  }
}
