import { sql, type SQL } from 'drizzle-orm'
import type { BUDGET_TYPES, ExperienceLevel } from '../domain/enums'
import { getDb } from './db.server'
import { listSkillsOfProjects } from './projects.server'
import { reviewVisibleSql } from './reviews.server'
import { PROFILE_CURRENCIES } from '~/domain/currencies'
import { currencyDigits } from '~/utils/format'
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '~/domain/project-search-params'

export type BudgetType = (typeof BUDGET_TYPES)[number]

export const PROJECT_SORTS = ['relevance', 'newest', 'budget_high', 'budget_low'] as const
export type ProjectSort = (typeof PROJECT_SORTS)[number]

export type ProjectSearchInput = {
  /** What the user typed; any text is safe. */
  q?: string
  /** Skill names: a project matches when it asks for any of them. */
  skills?: string[]
  budgetType?: BudgetType
  /** Budget bounds in major units of each project's currency: a fixed price, or the hourly range, must reach into [min, max]. */
  budgetMin?: number
  budgetMax?: number
  postedWithinDays?: number
  experienceLevel?: ExperienceLevel
  /** Only clients whose visible reviews (as a client) average at least this. */
  clientRatingMin?: number
  /** Only projects created after this instant and up to that one (saved-search alerts). */
  createdAfter?: Date
  createdUpTo?: Date
  /** Only this project (does one new project match a saved search?). */
  projectId?: string
  sort?: ProjectSort
  page?: number
  pageSize?: number
  /** How many skills the skills facet lists (selected skills are always listed too). */
  skillFacetSize?: number
  /** "Now" for the posted-within filter and review visibility; tests pin it. */
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
  clientId: string
  clientName: string
  /** Mean of the client's visible reviews, null when none. */
  clientRating: number | null
  clientReviewCount: number
  skills: string[]
  /** A short piece of the description; the matched words are wrapped in SNIPPET_MARK_START/END. */
  snippet: string
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
    /** How many matches have a client rated at least each threshold (all other filters applied). */
    clientRating: FacetCount<RatingThreshold>[]
  }
}

export const CLIENT_RATING_THRESHOLDS = ['4', '4.5'] as const
export type RatingThreshold = (typeof CLIENT_RATING_THRESHOLDS)[number]

const SNIPPET_TOKENS = 24
const PLAIN_SNIPPET_CHARS = 180

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

type Conditions = { base: SQL[]; skills: SQL | null; budgetType: SQL | null; rating: SQL | null }

/** Minor units per major unit of each currency a project may use, as SQL over `p.currency`. */
function minorPerMajorSql(): SQL {
  const odd = PROFILE_CURRENCIES.filter((code) => currencyDigits(code) !== 2)
  if (!odd.length) return sql`100`
  return sql`(case p.currency ${sql.join(
    odd.map((code) => sql`when ${code} then ${10 ** currencyDigits(code)}`),
    sql` `,
  )} else 100 end)`
}

/** The search's visible, open, public projects: the rules every search and alert shares. */
const LISTED = sql`p.status = 'open' and p.visibility = 'public' and p.hidden_at is null`

function idList(ids: Array<string | number>): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
}

function conditionsFor(input: ProjectSearchInput, skillIds: number[], ratedClients: RatedClients): Conditions {
  const base: SQL[] = [LISTED]
  const scale = input.budgetMin !== undefined || input.budgetMax !== undefined ? minorPerMajorSql() : null
  // Budgets are compared in each project's own currency: min/max are major units.
  if (input.budgetMin !== undefined) base.push(sql`p.budget_max_minor >= ${input.budgetMin} * ${scale}`)
  if (input.budgetMax !== undefined) {
    base.push(
      sql`(case p.budget_type when 'fixed' then p.budget_max_minor else p.budget_min_minor end) <= ${input.budgetMax} * ${scale}`,
    )
  }
  if (input.postedWithinDays !== undefined) {
    const since = (input.now ?? new Date()).getTime() - input.postedWithinDays * 86_400_000
    base.push(sql`p.created_at >= ${since}`)
  }
  if (input.createdAfter) base.push(sql`p.created_at > ${input.createdAfter.getTime()}`)
  if (input.createdUpTo) base.push(sql`p.created_at <= ${input.createdUpTo.getTime()}`)
  if (input.projectId) base.push(sql`p.id = ${input.projectId}`)
  if (input.experienceLevel) base.push(sql`p.experience_level = ${input.experienceLevel}`)
  const skills = skillIds.length
    ? sql`exists (select 1 from project_skills ps2 where ps2.project_id = p.id and ps2.skill_id in (${idList(skillIds)}))`
    : null
  const budgetType = input.budgetType ? sql`p.budget_type = ${input.budgetType}` : null
  const rating = input.clientRatingMin !== undefined ? ratedClientsSql(ratedClients, input.clientRatingMin) : null
  return { base, skills, budgetType, rating }
}

function ratedClientsSql(rated: RatedClients, min: number): SQL {
  const ids = [...rated].filter(([, stats]) => stats.average >= min).map(([id]) => id)
  return ids.length ? sql`p.client_id in (select value from json_each(${JSON.stringify(ids)}))` : sql`0`
}

function where(parts: Array<SQL | null>): SQL {
  return sql.join(
    parts.filter((part): part is SQL => part !== null),
    sql` and `,
  )
}

function orderBy(sort: ProjectSort, hasText: boolean, alias = 'p'): SQL {
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

function isFtsError(error: unknown): boolean {
  return error instanceof Error && /fts5|match/i.test(error.message)
}

type RatedClients = Map<string, { average: number; count: number }>

/**
 * Client ratings change only when a review is written or a review window closes, yet every search
 * needs them (filter, facet, result rows): they are kept for a minute. A search with a pinned
 * `now` (tests, alerts) always reads them afresh.
 */
const RATINGS_TTL_MS = 60_000
let ratingsCache: { at: number; value: RatedClients } | null = null

function cachedRatedClients(pinnedNow: Date | undefined): RatedClients {
  if (pinnedNow) return ratedClients(pinnedNow)
  const now = Date.now()
  if (!ratingsCache || now - ratingsCache.at > RATINGS_TTL_MS)
    ratingsCache = { at: now, value: ratedClients(new Date(now)) }
  return ratingsCache.value
}

/**
 * Every client with visible reviews from freelancers, with their mean rating (REVIEW rules:
 * reviewVisibleSql). Small next to the projects: one row per reviewed client.
 */
function ratedClients(now: Date): RatedClients {
  const rows = getDb().all<{ id: string; average: number; count: number }>(sql`
    select r.reviewee_id as id, avg(r.rating) as average, count(*) as count from reviews r
    where r.direction = 'freelancer_to_client' and ${reviewVisibleSql(now)}
    group by r.reviewee_id`)
  return new Map(rows.map((row) => [row.id, { average: row.average, count: row.count }]))
}

type Summary = {
  total: number
  budgetType: FacetCount<BudgetType>[]
  skills: FacetCount[]
  clientRating: FacetCount<RatingThreshold>[]
}

/**
 * The total and the facet counts, in two passes over the matches: one grouped by budget type
 * that also counts each rating threshold, and one over the matches' skills.
 */
function countMatches(from: SQL, conditions: Conditions, rated: RatedClients, input: ProjectSearchInput): Summary {
  const db = getDb()
  // Matches per budget type and client: small (at most two rows per client), and enough to count
  // the total, the budget types and every rating threshold here, without another pass.
  const groups = db.all<{ type: BudgetType; clientId: string; n: number }>(sql`
    select p.budget_type as type, p.client_id as clientId, count(*) as n
    from ${from}
    where ${where([...conditions.base, conditions.skills])}
    group by p.budget_type, p.client_id`)
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

/**
 * Broad searches (the landing page, one common word) match tens of thousands of projects, and
 * counting their facets takes far longer than finding a page: their counts are kept for half a
 * minute. Narrow searches are always counted afresh; the page of results is always fresh.
 */
const SUMMARY_CACHE_MIN_TOTAL = 2_000
const SUMMARY_TTL_MS = 30_000
const SUMMARY_CACHE_SIZE = 200
const summaries = new Map<string, { at: number; summary: Summary }>()

function cachedSummary(key: string): Summary | null {
  const hit = summaries.get(key)
  if (!hit) return null
  if (Date.now() - hit.at > SUMMARY_TTL_MS) {
    summaries.delete(key)
    return null
  }
  return hit.summary
}

function keepSummary(key: string, summary: Summary): void {
  if (summaries.has(key)) return
  if (summaries.size >= SUMMARY_CACHE_SIZE) summaries.delete(summaries.keys().next().value!)
  summaries.set(key, { at: Date.now(), summary })
}

/** Forget kept counts (tests; benchmarks of the cold path). */
export function forgetSearchCaches(): void {
  summaries.clear()
  ratingsCache = null
}

/**
 * How many open projects match the text and filters (no page, no facets): saved-search alerts.
 * Text that cannot be searched matches nothing.
 */
export async function countProjects(input: ProjectSearchInput): Promise<number> {
  const db = getDb()
  const match = toFtsQuery(input.q)
  const selectedSkills = [...new Set(input.skills ?? [])]
  try {
    return db.transaction(() => {
      const skillIds = [...findSkillIds(selectedSkills).values()]
      if (selectedSkills.length && !skillIds.length) return 0
      const rated: RatedClients = input.clientRatingMin !== undefined ? cachedRatedClients(input.now) : new Map()
      const c = conditionsFor(input, skillIds, rated)
      // One project: look it up, then ask the index about that row only.
      const text =
        match && input.projectId
          ? sql`exists (select 1 from projects_fts where projects_fts match ${match} and rowid = p.rowid)`
          : null
      const from =
        match && !input.projectId
          ? sql`(select rowid as rid from projects_fts where projects_fts match ${match}) hits cross join projects p on p.rowid = hits.rid`
          : sql`projects p`
      return (
        db.get<{ n: number }>(
          sql`select count(*) as n from ${from} where ${where([...c.base, text, c.skills, c.budgetType, c.rating])}`,
        )?.n ?? 0
      )
    })
  } catch (error) {
    if (isFtsError(error)) return 0
    throw error
  }
}

/** Open projects matching the text and filters, one page of them, and the facet counts. */
export async function searchProjects(input: ProjectSearchInput): Promise<ProjectSearchResult> {
  const db = getDb()
  const pageSize = Math.min(Math.max(1, Math.trunc(input.pageSize ?? 20)), 100)
  const page = Math.max(1, Math.trunc(input.page ?? 1))
  const sort = input.sort ?? 'relevance'
  const match = toFtsQuery(input.q)
  const selectedSkills = [...new Set(input.skills ?? [])]
  const empty: ProjectSearchResult = {
    rows: [],
    total: 0,
    queryError: false,
    facets: { skills: [], budgetType: [], clientRating: [] },
  }

  type PageRow = Omit<ProjectSearchRow, 'skills' | 'createdAt' | 'clientRating' | 'clientReviewCount' | 'snippet'> & {
    createdAt: number
    score: number
    rid: number
  }
  type Found = {
    pageRows: PageRow[]
    total: number
    budgetType: FacetCount<BudgetType>[]
    skills: FacetCount[]
    clientRating: FacetCount<RatingThreshold>[]
    rated: RatedClients
    snippets: Map<number, string>
  }
  let found: Found | null
  try {
    // One read transaction, so the count, the page and the facets describe the same data.
    found = db.transaction((): Found | null => {
      const skillIdByName = findSkillIds(selectedSkills)
      // A skill nobody uses matches no project.
      if (selectedSkills.length && skillIdByName.size === 0) return null
      const skillIds = [...skillIdByName.values()]
      const rated = cachedRatedClients(input.now)
      const conditions = conditionsFor(input, skillIds, rated)
      // Where the matching projects come from. CROSS JOIN fixes the order: the FTS hits first
      // (bm25 computed once per hit), then a primary-key lookup of each project.
      const from = match
        ? sql`(select rowid as rid, bm25(projects_fts, ${BM25_WEIGHTS}) as score from projects_fts where projects_fts match ${match}) hits
              cross join projects p on p.rowid = hits.rid`
        : sql`projects p`
      const score = match ? sql`hits.score` : sql`0`
      const all = where([...conditions.base, conditions.skills, conditions.budgetType, conditions.rating])
      const summaryKey = input.now
        ? null
        : JSON.stringify([
            match,
            skillIds,
            input.budgetType,
            input.budgetMin,
            input.budgetMax,
            input.postedWithinDays,
            input.experienceLevel,
            input.clientRatingMin,
            input.createdAfter,
            input.createdUpTo,
            input.projectId,
          ])
      const summary = (summaryKey && cachedSummary(summaryKey)) || countMatches(from, conditions, rated, input)
      if (summaryKey && summary.total >= SUMMARY_CACHE_MIN_TOTAL) keepSummary(summaryKey, summary)
      const { total, budgetType, skills, clientRating } = summary
      // The page is chosen from the matches first; only its rows are then joined to their clients.
      const pageRows = db.all<PageRow>(sql`
            select page.rid, p.id, p.title, p.description, p.budget_type as budgetType,
                   p.budget_min_minor as budgetMinMinor, p.budget_max_minor as budgetMaxMinor, p.currency,
                   p.experience_level as experienceLevel, p.created_at as createdAt, p.client_id as clientId,
                   u.name as clientName, page.score
            from (select p.rowid as rid, ${score} as score, p.created_at, p.budget_max_minor from ${from}
                  where ${all}
                  order by ${orderBy(sort, match !== null)}
                  limit ${pageSize} offset ${(page - 1) * pageSize}) page
            cross join projects p on p.rowid = page.rid
            join users u on u.id = p.client_id
            order by ${orderBy(sort, match !== null, 'page')}`)
      const snippets = new Map<number, string>()
      if (match && pageRows.length) {
        const rows = db.all<{ rid: number; snippet: string }>(sql`
          select rowid as rid, snippet(projects_fts, 1, ${SNIPPET_MARK_START}, ${SNIPPET_MARK_END}, '…', ${SNIPPET_TOKENS}) as snippet
          from projects_fts where projects_fts match ${match} and rowid in (${idList(pageRows.map((row) => row.rid))})`)
        for (const row of rows) snippets.set(row.rid, row.snippet)
      }
      return { pageRows, total, budgetType, skills, clientRating, rated, snippets }
    })
  } catch (error) {
    // toFtsQuery only builds valid expressions; should one still fail, the page says so instead of a 500.
    if (isFtsError(error)) return withSelectedSkills({ ...empty, queryError: true }, selectedSkills)
    throw error
  }
  if (!found) return withSelectedSkills(empty, selectedSkills)

  const skillsByProject = await listSkillsOfProjects(found.pageRows.map((row) => row.id))
  const { rated, snippets } = found
  const rows = found.pageRows.map(({ score: _score, rid, ...row }) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    clientRating: rated.get(row.clientId)?.average ?? null,
    clientReviewCount: rated.get(row.clientId)?.count ?? 0,
    skills: skillsByProject.get(row.id) ?? [],
    snippet: snippets.get(rid) || plainSnippet(row.description),
  }))
  return withSelectedSkills(
    {
      rows,
      total: found.total,
      queryError: false,
      facets: {
        budgetType: found.budgetType,
        skills: found.skills.slice(0, input.skillFacetSize ?? 12),
        clientRating: found.clientRating,
      },
    },
    selectedSkills,
    found.skills,
  )
}

function plainSnippet(text: string): string {
  if (text.length <= PLAIN_SNIPPET_CHARS) return text
  const cut = text.slice(0, PLAIN_SNIPPET_CHARS)
  const space = cut.lastIndexOf(' ')
  return `${space > PLAIN_SNIPPET_CHARS / 2 ? cut.slice(0, space) : cut}…`
}

/** Selected skills stay in the facet list (with their count, or 0) so they can be unchecked. */
function withSelectedSkills(
  result: ProjectSearchResult,
  selected: string[],
  allCounts: FacetCount[] = [],
): ProjectSearchResult {
  const listed = new Set(result.facets.skills.map((facet) => facet.value))
  const extra = selected
    .filter((name) => !listed.has(name))
    .map((name) => allCounts.find((facet) => facet.value === name) ?? { value: name, count: 0 })
  return extra.length
    ? { ...result, facets: { ...result.facets, skills: [...result.facets.skills, ...extra] } }
    : result
}

function findSkillIds(names: string[]): Map<string, number> {
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
