import { sql, type SQL } from 'drizzle-orm'
import { DAY_MS } from '~/domain/durations'
import { getDb } from './db.server'
import { listSkillsOfProjects } from './projects.server'
import { SNIPPET_MARK_END, SNIPPET_MARK_START } from '~/domain/project-search-params'
import { ratingsOfClients } from './project-search/client-ratings.server'
import {
  countGroupsAndSkills,
  countRows,
  forgetKeptCounts,
  listRecentMatches,
  readSearchGeneration,
  RECENT_DAYS,
  summarize,
  type Summary,
} from './project-search/facet-counts.server'
import { PLAIN_SNIPPET_SOURCE_CHARS, isFtsError, plainSnippet, toFtsQuery } from './project-search/fts-query'
import { conditionsFor, orderBy, where } from './project-search/sql-conditions'
import type {
  FacetCount,
  ProjectSearchInput,
  ProjectSearchResult,
  ProjectSearchRow,
  RatedClients,
} from './project-search/types'

const SNIPPET_TOKENS = 24
/** Column weights for bm25(): a word in the title counts most, then skills, then the description. */
const BM25_WEIGHTS = sql.raw('10.0, 1.0, 5.0')

/** Forget kept counts (benchmarks of the cold path). */
export function forgetSearchCaches(): void {
  forgetKeptCounts()
}

/**
 * How many open projects match the text and filters (no page, no facets): saved-search alerts.
 * Text that cannot be searched matches nothing.
 */
export async function countProjects(input: ProjectSearchInput): Promise<number> {
  const db = getDb()
  const match = toFtsQuery(input.q, input.qSynonyms)
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
            sql`select count(*) as n from ${from} where ${where([...c.base, c.posted, c.level, text, c.skills, c.budgetType, c.rating])}`,
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
  const match = toFtsQuery(input.q, input.qSynonyms)
  const selectedSkills = [...new Set(input.skills ?? [])]
  // One instant for client ratings, their filter and the posted-within window.
  const now = input.now ?? new Date()
  const empty: ProjectSearchResult = {
    rows: [],
    total: 0,
    queryError: false,
    facets: { skills: [], budgetType: [], clientRating: [], postedWithin: [], experienceLevel: [] },
  }

  type PageRow = Omit<ProjectSearchRow, 'skills' | 'createdAt' | 'clientRating' | 'clientReviewCount' | 'snippet'> & {
    createdAt: number
    rid: number
    /** The start of the description, for the plain snippet (the page never shows the whole of it). */
    descriptionStart: string
    /** The snippet, when the ranking pass marked it up. */
    snippet: string | null
  }
  type Found = {
    pageRows: PageRow[]
    summary: Summary
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
        const generation = readSearchGeneration()
        // Where the matches come from. CROSS JOIN fixes the order: the full-text hits first, then a
        // primary-key lookup of each project.
        const from = match
          ? sql`(select rowid as rid from projects_fts where projects_fts match ${match}) hits
                cross join projects p on p.rowid = hits.rid`
          : sql`projects p`
        // With text, chosen skills are tested on the hit's rowid against the few projects asking for
        // them, before the project is read (`+` keeps the test from being handed to the full-text index
        // as rowid lookups, each of which would run the match again).
        // That pays when the text has more hits than there are projects asking for the skills (counts
        // kept per search generation); otherwise each hit is tested.
        const skillRowsFirst =
          match !== null &&
          skillIds.length > 0 &&
          countRows(sql`projects_fts where projects_fts match ${match}`, JSON.stringify(['hits', match]), generation) >
            countRows(
              sql`project_skills where skill_id in (${idList(skillIds)})`,
              JSON.stringify(['skill rows', skillIds]),
              generation,
            )
        const skills = skillRowsFirst ? sql`+hits.rid in ${skillRowsSql(skillIds)}` : conditions.skills
        const others = [
          ...conditions.base,
          conditions.posted,
          conditions.level,
          conditions.budgetType,
          conditions.rating,
        ]
        const all = [skills, ...others]
        // What the kept counts depend on besides the skills, the budget type, the level and the
        // posted-within window (the groups are counted without the last two; ratings are applied afresh).
        const sharedKey = [
          match,
          input.budgetMin,
          input.budgetMax,
          input.createdAfter?.getTime(),
          input.createdUpTo?.getTime(),
          input.projectId,
        ]
        const since = input.postedWithinDays === undefined ? null : now.getTime() - input.postedWithinDays * DAY_MS
        const { groups, skills: skillCounts } = countGroupsAndSkills(
          from,
          {
            base: conditions.base,
            skills,
            others: [conditions.posted, conditions.level, conditions.budgetType, conditions.rating],
          },
          {
            groups: JSON.stringify(['groups', skillIds, ...sharedKey]),
            skills: conditions.rating
              ? null
              : JSON.stringify(['skills', input.budgetType, since, input.experienceLevel, ...sharedKey]),
          },
          generation,
        )
        // The matches posted lately, one by one, for the posted-within facet and filter.
        const recent = listRecentMatches(
          from,
          [skills, ...conditions.base],
          JSON.stringify(['recent', skillIds, ...sharedKey]),
          generation,
          now.getTime() - Math.max(RECENT_DAYS, input.postedWithinDays ?? 0) * DAY_MS,
        )
        // The matches' clients hold those of any page of them.
        const rated = ratingsOfClients(
          groups.map((group) => group.clientId),
          now,
        )
        const summary = summarize({ groups, recent, skills: skillCounts }, input, rated, now)
        const offset = (page - 1) * pageSize
        const snippet = sql`snippet(projects_fts, 1, ${SNIPPET_MARK_START}, ${SNIPPET_MARK_END}, '…', ${SNIPPET_TOKENS})`
        // By relevance, bm25 is computed in one pass over the hits for the candidates only: with skills,
        // the projects asking for them that pass the other filters (read without the text; the pass
        // keeps those the text matches), else the matches that pass every filter.
        const candidates = skillRowsFirst
          ? sql`select p.rowid as rid, p.created_at as created_at from projects p
                  where p.rowid in ${skillRowsSql(skillIds)} and ${where(others)}`
          : sql`select p.rowid as rid, p.created_at as created_at from ${from} where ${where(all)}`
        const pageSql =
          match && sort === 'relevance'
            ? rankedPage(match, candidates, snippet, pageSize, offset)
            : sql`(select p.rowid as rid, 0 as score, p.created_at, p.budget_max_minor, null as snippet from ${from}
                   where ${where(all)}
                   order by ${orderBy(sort, false)}
                   limit ${pageSize} offset ${offset}) page`
        const pageRows = db.all<PageRow>(sql`
            select page.rid, p.id, p.title, substr(p.description, 1, ${PLAIN_SNIPPET_SOURCE_CHARS}) as descriptionStart,
                   p.budget_type as budgetType,
                   p.budget_min_minor as budgetMinMinor, p.budget_max_minor as budgetMaxMinor, p.currency,
                   p.experience_level as experienceLevel, p.created_at as createdAt, p.client_id as clientId,
                   u.name as clientName, page.snippet
            from ${pageSql}
            cross join projects p on p.rowid = page.rid
            join users u on u.id = p.client_id
            order by ${orderBy(sort, match !== null, 'page')}`)
        const snippets = new Map<number, string>()
        for (const row of pageRows) if (row.snippet !== null) snippets.set(row.rid, row.snippet)
        const unmarked = pageRows.filter((row) => row.snippet === null).map((row) => row.rid)
        if (match && unmarked.length) {
          // One pass over the hits, marking up only these rows (`+`: see the skills above).
          const rows = db.all<{ rid: number; snippet: string }>(sql`
            select rowid as rid, ${snippet} as snippet from projects_fts
            where projects_fts match ${match} and +rowid in (select value from json_each(${JSON.stringify(unmarked)}))`)
          for (const row of rows) snippets.set(row.rid, row.snippet)
        }
        return { pageRows, summary, rated, snippets }
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
  const rows = found.pageRows.map(({ rid, descriptionStart, snippet: _marked, ...row }) => ({
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
      total: found.summary.total,
      queryError: false,
      facets: {
        budgetType: found.summary.budgetType,
        skills: found.summary.skills.slice(0, input.skillFacetSize ?? 12),
        clientRating: found.summary.clientRating,
        postedWithin: found.summary.postedWithin,
        experienceLevel: found.summary.experienceLevel,
      },
    },
    selectedSkills,
    found.summary.skills,
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

/** The rowids of the projects asking for any of these skills. */
function skillRowsSql(skillIds: number[]): SQL {
  return sql`(select p2.rowid from project_skills ps2 cross join projects p2 on p2.id = ps2.project_id
              where ps2.skill_id in (${idList(skillIds)}))`
}

function idList(ids: number[]): SQL {
  return sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  )
}

/** Up to this many candidates, the ranking pass also marks up each one's snippet (saving a pass). */
const SNIPPETS_IN_RANKING = 1_000

/**
 * The page by relevance as a subquery `page` (rid, score, created_at, snippet): bm25 for the
 * candidates (rid, created_at) the text matches, in one pass over the hits (`+`: see the skills
 * filter), never for every hit.
 */
function rankedPage(match: string, candidates: SQL, snippet: SQL, limit: number, offset: number): SQL {
  return sql`(with f as materialized (${candidates}),
              scored as materialized (
                select rowid as rid, bm25(projects_fts, ${BM25_WEIGHTS}) as score,
                       case when (select count(*) from f) <= ${SNIPPETS_IN_RANKING} then ${snippet} end as snippet
                from projects_fts
                where projects_fts match ${match} and +rowid in (select rid from f))
              select scored.rid, scored.score, f.created_at, scored.snippet from scored join f on f.rid = scored.rid
              order by scored.score asc, f.created_at desc
              limit ${limit} offset ${offset}) page`
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
