import { sql, type SQL } from 'drizzle-orm'
import { PROFILE_CURRENCIES } from '~/domain/currency-digits'
import { DAY_MS } from '~/domain/durations'
import { currencyDigits } from '~/utils/format'
import { clientRatedAtLeastSql } from './client-ratings.server'
import type { ProjectSearchInput, ProjectSort } from './types'

/** The search's WHERE clauses, kept apart where a facet counts without one of them. */
export type Conditions = {
  base: SQL[]
  skills: SQL | null
  budgetType: SQL | null
  rating: SQL | null
  posted: SQL | null
  level: SQL | null
}

/** The search's visible, open, public projects: the rules every search and alert shares. */
const LISTED = sql`p.status = 'open' and p.visibility = 'public' and p.hidden_at is null`

/** Minor units per major unit of each currency a project may use, as SQL over `p.currency`. */
function minorPerMajorSql(): SQL {
  const odd = PROFILE_CURRENCIES.filter((code) => currencyDigits(code) !== 2)
  if (!odd.length) return sql`100`
  return sql`(case p.currency ${sql.join(
    odd.map((code) => sql`when ${code} then ${10 ** currencyDigits(code)}`),
    sql` `,
  )} else 100 end)`
}

function idList(ids: Array<string | number>): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
}

/** The conditions of a search; `now` is when client ratings and the posted-within window are read. */
export function conditionsFor(input: ProjectSearchInput, skillIds: number[], now: Date): Conditions {
  const base: SQL[] = [LISTED]
  const scale = input.budgetMin !== undefined || input.budgetMax !== undefined ? minorPerMajorSql() : null
  // Budgets are compared in each project's own currency: min/max are major units.
  if (input.budgetMin !== undefined) base.push(sql`p.budget_max_minor >= ${input.budgetMin} * ${scale}`)
  if (input.budgetMax !== undefined) {
    const low = sql`(case p.budget_type when 'fixed' then p.budget_max_minor else p.budget_min_minor end)`
    base.push(sql`${low} <= ${input.budgetMax} * ${scale}`)
  }
  const posted =
    input.postedWithinDays === undefined
      ? null
      : sql`p.created_at >= ${now.getTime() - input.postedWithinDays * DAY_MS}`
  if (input.createdAfter) base.push(sql`p.created_at > ${input.createdAfter.getTime()}`)
  if (input.createdUpTo) base.push(sql`p.created_at <= ${input.createdUpTo.getTime()}`)
  if (input.projectId) base.push(sql`p.id = ${input.projectId}`)
  const level = input.experienceLevel ? sql`p.experience_level = ${input.experienceLevel}` : null
  const skills = skillIds.length
    ? sql`exists (select 1 from project_skills ps2
                  where ps2.project_id = p.id and ps2.skill_id in (${idList(skillIds)}))`
    : null
  const budgetType = input.budgetType ? sql`p.budget_type = ${input.budgetType}` : null
  const rating = input.clientRatingMin !== undefined ? clientRatedAtLeastSql(input.clientRatingMin, now) : null
  return { base, skills, budgetType, rating, posted, level }
}

export function where(parts: Array<SQL | null>): SQL {
  return sql.join(
    parts.filter((part): part is SQL => part !== null),
    sql` and `,
  )
}

export function orderBy(sort: ProjectSort, hasText: boolean, alias = 'p'): SQL {
  const t = sql.raw(alias)
  switch (sort) {
    case 'newest':
      return sql`${t}.created_at desc`
    case 'budget_high':
      return sql`${t}.budget_max_minor desc, ${t}.created_at desc`
    case 'budget_low':
      return sql`${t}.budget_max_minor asc, ${t}.created_at desc`
    case 'relevance':
      return hasText ? sql`score asc, ${t}.created_at desc` : sql`${t}.created_at desc`
  }
}
