import { sql, type SQL } from 'drizzle-orm'
import type { BUDGET_TYPES, ExperienceLevel } from './enums'
import { getDb } from './db.server'
import { listSkillsOfProjects } from './projects.server'

export type BudgetType = (typeof BUDGET_TYPES)[number]

export const PROJECT_SORTS = ['relevance', 'newest', 'budget_high', 'budget_low'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]

export type ProjectSearchInput = {
  /** What the user typed; any text is safe. */
  q?: string
  /** Skill names: a project matches when it asks for any of them. */
  skills?: string[]
  budgetType?: BudgetType
  /** Budget bounds in minor units: a fixed price, or the hourly range, must reach into [min, max]. */
  budgetMin?: number
  budgetMax?: number
  postedWithinDays?: number
  experienceLevel?: ExperienceLevel
  sort?: ProjectSort
  page?: number
  pageSize?: number
  /** How many skills the skills facet lists (selected skills are always listed too). */
  skillFacetSize?: number
  /** "Now" for the posted-within filter; tests pin it. */
  now?: Date
}

export type ProjectSearchRow = {
  id: string
  title: string
  description: string
  budgetType: BudgetType
  budgetMinMinor: number
  budgetMaxMinor: number
  currency: string
  experienceLevel: ExperienceLevel
  createdAt: Date
  clientName: string
  skills: string[]
}

export type FacetCount<V extends string = string> = { value: V; count: number }

export type ProjectSearchResult = {
  rows: ProjectSearchRow[]
  total: number
  /** True when the text could not be searched (it is then treated as matching nothing). */
  queryError: boolean
  facets: {
    /** Counted without the skills filter, so other skills can be added. Most frequent first. */
    skills: FacetCount[]
    /** Counted without the budget type filter, so the other type can be chosen. */
    budgetType: FacetCount<BudgetType>[]
  }
}

const MAX_TOKENS = 8
const MAX_TOKEN_LENGTH = 40
/** Column weights for bm25(): a word in the title counts most, then skills, then the description. */
const BM25_WEIGHTS = sql.raw('10.0, 1.0, 5.0')

/**
 * Turns free text into a safe FTS5 MATCH expression, or null when there is nothing to search.
 * Each whitespace-separated word becomes a quoted phrase of its letters and digits ("node.js" →
 * "node js"), so no FTS5 operator or syntax in the input has any effect; all words must match,
 * and the last one also matches as a prefix (typing "dash" finds "dashboard").
 */
export function toFtsQuery(input: string | undefined | null): string | null {
  if (!input) return null
  const phrases: string[] = []
  for (const word of input.normalize('NFKC').split(/\s+/u)) {
    const tokens = word.match(/[\p{L}\p{N}\p{M}]+/gu)
    if (!tokens) continue
    phrases.push(tokens.map((token) => token.slice(0, MAX_TOKEN_LENGTH)).join(' '))
    if (phrases.length === MAX_TOKENS) break
  }
  if (!phrases.length) return null
  return phrases.map((phrase, i) => `"${phrase}"${i === phrases.length - 1 ? '*' : ''}`).join(' ')
}

type Conditions = { base: SQL[]; skills: SQL | null; budgetType: SQL | null }

function conditionsFor(input: ProjectSearchInput, skillIds: number[]): Conditions {
  const base: SQL[] = [sql`p.status = 'open'`]
  if (input.budgetMin !== undefined) base.push(sql`p.budget_max_minor >= ${input.budgetMin}`)
  if (input.budgetMax !== undefined) {
    base.push(sql`(case p.budget_type when 'fixed' then p.budget_max_minor else p.budget_min_minor end) <= ${input.budgetMax}`)
  }
  if (input.postedWithinDays !== undefined) {
    const since = (input.now ?? new Date()).getTime() - input.postedWithinDays * 86_400_000
    base.push(sql`p.created_at >= ${since}`)
  }
  if (input.experienceLevel) base.push(sql`p.experience_level = ${input.experienceLevel}`)
  const skills = skillIds.length
    ? sql`p.id in (select project_id from project_skills where skill_id in (${sql.join(
        skillIds.map((id) => sql`${id}`),
        sql`, `,
      )}))`
    : null
  const budgetType = input.budgetType ? sql`p.budget_type = ${input.budgetType}` : null
  return { base, skills, budgetType }
}

function where(parts: Array<SQL | null>): SQL {
  return sql.join(
    parts.filter((part): part is SQL => part !== null),
    sql` and `,
  )
}

function orderBy(sort: ProjectSort, hasText: boolean): SQL {
  switch (sort) {
    case 'newest':
      return sql`p.created_at desc`
    case 'budget_high':
      return sql`p.budget_max_minor desc, p.created_at desc`
    case 'budget_low':
      return sql`p.budget_max_minor asc, p.created_at desc`
    case 'relevance':
      return hasText ? sql`score asc, p.created_at desc` : sql`p.created_at desc`
  }
}

function isFtsError(error: unknown): boolean {
  return error instanceof Error && /fts5|match/i.test(error.message)
}

/** Open projects matching the text and filters, one page of them, and the facet counts. */
export async function searchProjects(input: ProjectSearchInput): Promise<ProjectSearchResult> {
  const db = getDb()
  const pageSize = Math.min(Math.max(1, Math.trunc(input.pageSize ?? 20)), 100)
  const page = Math.max(1, Math.trunc(input.page ?? 1))
  const sort = input.sort ?? 'relevance'
  const match = toFtsQuery(input.q)
  const selectedSkills = [...new Set(input.skills ?? [])]
  const skillIdByName = await findSkillIds(selectedSkills)
  const empty: ProjectSearchResult = { rows: [], total: 0, queryError: false, facets: { skills: [], budgetType: [] } }
  // A skill nobody uses matches no project.
  if (selectedSkills.length && skillIdByName.size === 0) return withSelectedSkills(empty, selectedSkills)

  const skillIds = [...skillIdByName.values()]
  const conditions = conditionsFor(input, skillIds)
  // Where the matching projects come from. CROSS JOIN fixes the order: the FTS hits (or the
  // projects with a chosen skill) first, then a primary-key lookup of each project.
  const from = match
    ? sql`(select rowid as rid, bm25(projects_fts, ${BM25_WEIGHTS}) as score from projects_fts where projects_fts match ${match}) hits
          cross join projects p on p.rowid = hits.rid`
    : sql`projects p`
  const fromWithSkills =
    !match && skillIds.length
      ? sql`(select distinct project_id from project_skills where skill_id in (${sql.join(
          skillIds.map((id) => sql`${id}`),
          sql`, `,
        )})) chosen cross join projects p on p.id = chosen.project_id`
      : from
  const score = match ? sql`hits.score` : sql`0`

  type PageRow = Omit<ProjectSearchRow, 'skills' | 'createdAt'> & { createdAt: number; score: number }
  let found: { pageRows: PageRow[]; total: number; budgetType: FacetCount<BudgetType>[]; skills: FacetCount[] }
  try {
    // One read transaction, so the count, the page and the facets describe the same data.
    found = db.transaction(() => {
      const all = where([...conditions.base, conditions.skills, conditions.budgetType])
      const total = db.get<{ n: number }>(sql`select count(*) as n from ${fromWithSkills} where ${all}`)?.n ?? 0
      const pageRows = total
        ? db.all<PageRow>(sql`
            select p.id, p.title, p.description, p.budget_type as budgetType, p.budget_min_minor as budgetMinMinor,
                   p.budget_max_minor as budgetMaxMinor, p.currency, p.experience_level as experienceLevel,
                   p.created_at as createdAt, u.name as clientName, ${score} as score
            from ${fromWithSkills} join users u on u.id = p.client_id
            where ${all}
            order by ${orderBy(sort, match !== null)}
            limit ${pageSize} offset ${(page - 1) * pageSize}`)
        : []
      const budgetType = db.all<FacetCount<BudgetType>>(sql`
        select p.budget_type as value, count(*) as count from ${fromWithSkills}
        where ${where([...conditions.base, conditions.skills])}
        group by p.budget_type order by count desc`)
      const skills = db.all<FacetCount>(sql`
        select s.name as value, count(*) as count
        from ${from} join project_skills ps on ps.project_id = p.id join skills s on s.id = ps.skill_id
        where ${where([...conditions.base, conditions.budgetType])}
        group by s.id order by count desc, s.name asc`)
      return { pageRows, total, budgetType, skills }
    })
  } catch (error) {
    // toFtsQuery only builds valid expressions; should one still fail, the page says so instead of a 500.
    if (isFtsError(error)) return { ...empty, queryError: true }
    throw error
  }

  const skillsByProject = await listSkillsOfProjects(found.pageRows.map((row) => row.id))
  const rows = found.pageRows.map(({ score: _score, ...row }) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    skills: skillsByProject.get(row.id) ?? [],
  }))
  return withSelectedSkills(
    {
      rows,
      total: found.total,
      queryError: false,
      facets: { budgetType: found.budgetType, skills: found.skills.slice(0, input.skillFacetSize ?? 12) },
    },
    selectedSkills,
    found.skills,
  )
}

/** Selected skills stay in the facet list (with their count, or 0) so they can be unchecked. */
function withSelectedSkills(result: ProjectSearchResult, selected: string[], allCounts: FacetCount[] = []): ProjectSearchResult {
  const listed = new Set(result.facets.skills.map((facet) => facet.value))
  const extra = selected
    .filter((name) => !listed.has(name))
    .map((name) => allCounts.find((facet) => facet.value === name) ?? { value: name, count: 0 })
  return extra.length ? { ...result, facets: { ...result.facets, skills: [...result.facets.skills, ...extra] } } : result
}

async function findSkillIds(names: string[]): Promise<Map<string, number>> {
  if (!names.length) return new Map()
  const rows = getDb().all<{ id: number; name: string }>(
    sql`select id, name from skills where name in (${sql.join(
      names.map((name) => sql`${name}`),
      sql`, `,
    )})`,
  )
  return new Map(rows.map((row) => [row.name, row.id]))
}

/**
 * Rebuilds the search index from projects and their skills. The triggers keep it in step; this is
 * for after a VACUUM, which may renumber the implicit rowids the index is keyed by.
 */
export async function rebuildProjectSearchIndex(): Promise<number> {
  const db = getDb().$client
  return db.transaction(() => {
    db.prepare('delete from projects_fts').run()
    return db
      .prepare(
        `insert into projects_fts (rowid, title, description, skills)
         select p.rowid, p.title, p.description, coalesce((
           select group_concat(s.name, ' ') from project_skills ps join skills s on s.id = ps.skill_id
           where ps.project_id = p.id), '')
         from projects p`,
      )
      .run().changes
  })()
}
