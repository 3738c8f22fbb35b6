import { sql } from 'drizzle-orm'
import { getDb } from './db.server'
import { listSkillsOfProjects } from './projects.server'
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '~/domain/project-search-params'
import { ratingsOfClients } from './project-search/client-ratings.server'
import { countMatches, forgetSummaries, summaryFor } from './project-search/facet-counts.server'
import { PLAIN_SNIPPET_SOURCE_CHARS, isFtsError, plainSnippet, toFtsQuery } from './project-search/fts-query'
import { conditionsFor, orderBy, where } from './project-search/sql-conditions'
import type {
  BudgetType,
  FacetCount,
  ProjectSearchInput,
  ProjectSearchResult,
  ProjectSearchRow,
  RatedClients,
  RatingThreshold,
} from './project-search/types'

const SNIPPET_TOKENS = 24
/** Column weights for bm25(): a word in the title counts most, then skills, then the description. */
const BM25_WEIGHTS = sql.raw('10.0, 1.0, 5.0')

/** Forget kept counts (tests; benchmarks of the cold path). */
export function forgetSearchCaches(): void {
  forgetSummaries()
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
    return db.transaction(
      () => {
        const skillIds = [...findSkillIds(selectedSkills).values()]
        if (selectedSkills.length && !skillIds.length) return 0
        const c = conditionsFor(input, skillIds, input.now ?? new Date())
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
      },
      { behavior: 'deferred' },
    )
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
  // One instant for client ratings, their filter and the posted-within window.
  const now = input.now ?? new Date()
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
    /** The start of the description, for the plain snippet (the page never shows the whole of it). */
    descriptionStart: string
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
    found = db.transaction(
      (): Found | null => {
        const skillIdByName = findSkillIds(selectedSkills)
        // A skill nobody uses matches no project.
        if (selectedSkills.length && skillIdByName.size === 0) return null
        const skillIds = [...skillIdByName.values()]
        const conditions = conditionsFor(input, skillIds, now)
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
        // Counted afresh, the summary has read the rating of every matching project's client: the
        // page's clients are among them (the page only adds filters), so they are not read twice.
        const counted: { rated?: RatedClients } = {}
        const summary = summaryFor(summaryKey, () =>
          countMatches(from, conditions, input, now, (rated) => (counted.rated = rated)),
        )
        const { total, budgetType, skills, clientRating } = summary
        // The page is chosen from the matches first; only its rows are then joined to their clients.
        const pageRows = db.all<PageRow>(sql`
            select page.rid, p.id, p.title, substr(p.description, 1, ${PLAIN_SNIPPET_SOURCE_CHARS}) as descriptionStart,
                   p.budget_type as budgetType,
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
        const rated =
          counted.rated ??
          ratingsOfClients(
            pageRows.map((row) => row.clientId),
            now,
          )
        const snippets = new Map<number, string>()
        if (match && pageRows.length) {
          // Joined to the page's rowids (json_each): with `rowid in (…)` FTS5 marked up every hit first.
          const rows = db.all<{ rid: number; snippet: string }>(sql`
          select f.rowid as rid, snippet(projects_fts, 1, ${SNIPPET_MARK_START}, ${SNIPPET_MARK_END}, '…', ${SNIPPET_TOKENS}) as snippet
          from json_each(${JSON.stringify(pageRows.map((row) => row.rid))}) page
          join projects_fts f on f.rowid = page.value
          where projects_fts match ${match}`)
          for (const row of rows) snippets.set(row.rid, row.snippet)
        }
        return { pageRows, total, budgetType, skills, clientRating, rated, snippets }
      },
      { behavior: 'deferred' },
    )
  } catch (error) {
    // toFtsQuery only builds valid expressions; should one still fail, the page says so instead of a 500.
    if (isFtsError(error)) return withSelectedSkills({ ...empty, queryError: true }, selectedSkills)
    throw error
  }
  if (!found) return withSelectedSkills(empty, selectedSkills)

  const skillsByProject = await listSkillsOfProjects(found.pageRows.map((row) => row.id))
  const { rated, snippets } = found
  const rows = found.pageRows.map(({ score: _score, rid, descriptionStart, ...row }) => ({
    ...row,
    createdAt: new Date(row.createdAt),
    clientRating: rated.get(row.clientId)?.average ?? null,
    clientReviewCount: rated.get(row.clientId)?.count ?? 0,
    skills: skillsByProject.get(row.id) ?? [],
    snippet: snippets.get(rid) || plainSnippet(descriptionStart),
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
