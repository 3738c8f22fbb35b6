import { sql, type SQL } from 'drizzle-orm'
import { LRUCache } from 'lru-cache'
import { getDb } from '../db.server'
import { where } from './sql-conditions'
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

/** Matches (with the skills filter) per budget type and client: enough for the total and the other facets. */
export type Group = { type: BudgetType; clientId: string; n: number }

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
 * Matches per budget type and client, `filters` holding the skills filter and the base conditions
 * (not the budget type or rating ones): enough for the total and the budget-type and rating facets.
 */
function countGroups(from: SQL, filters: Array<SQL | null>, key: string, generation: number): Group[] {
  return keptOr(key, generation, () =>
    getDb().all<Group>(sql`
      select p.budget_type as type, p.client_id as clientId, count(*) as n
      from ${from}
      where ${where(filters)}
      group by p.budget_type, p.client_id`),
  )
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
  filters: { base: SQL[]; skills: SQL | null; typeAndRating: Array<SQL | null> },
  keys: { groups: string; skills: string | null },
  generation: number,
): { groups: Group[]; skills: FacetCount[] } {
  const keptGroups = kept.get(keys.groups)
  const keptSkills = keys.skills === null ? undefined : kept.get(keys.skills)
  if (keptGroups?.generation === generation || keptSkills?.generation === generation)
    return {
      groups: countGroups(from, [filters.skills, ...filters.base], keys.groups, generation),
      skills: countSkills(from, [...filters.base, ...filters.typeAndRating], keys.skills, generation),
    }
  const passes = (condition: SQL | null) => condition ?? sql`1`
  const rows = getDb().all<{
    part: 0 | 1
    type: BudgetType | null
    clientId: string | null
    skill: string | null
    n: number
  }>(sql`
    with m as materialized (
      select p.id as id, p.budget_type as type, p.client_id as clientId, ${passes(filters.skills)} as withSkills,
        ${passes(where([...filters.typeAndRating, sql`1`]))} as withTypeAndRating
      from ${from}
      where ${where(filters.base)})
    select 0 as part, m.type as type, m.clientId as clientId, null as skill, count(*) as n
    from m where m.withSkills group by m.type, m.clientId
    union all
    select 1, null, null, s.name, count(*)
    from m cross join project_skills ps on ps.project_id = m.id cross join skills s on s.id = ps.skill_id
    where m.withTypeAndRating group by s.id
    order by 1, 5 desc, 4 asc`)
  const groups = rows.flatMap((row) => (row.part === 0 ? [{ type: row.type!, clientId: row.clientId!, n: row.n }] : []))
  const skills = rows.flatMap((row) => (row.part === 1 ? [{ value: row.skill!, count: row.n }] : []))
  kept.set(keys.groups, { generation, value: groups })
  if (keys.skills !== null) kept.set(keys.skills, { generation, value: skills })
  return { groups, skills }
}

/** The total and the budget-type and client-rating facets, from the groups and live client ratings. */
export function summarize(
  groups: Group[],
  skills: FacetCount[],
  input: ProjectSearchInput,
  rated: RatedClients,
): Summary {
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
