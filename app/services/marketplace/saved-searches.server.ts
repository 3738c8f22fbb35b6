/**
 * Saved searches: a freelancer keeps a Find Work search under a name and, with alerts on, hears
 * about new projects that match it — from the scheduled job (a count per search since its last
 * check) and at once when a project is posted (notifySavedSearchMatches). A client keeps a talent
 * search (/freelancers) the same way and hears from the same job about freelancers newly listed
 * (who joined, or completed their profile, since).
 */
import { countProjects } from '~/models/project-search.server'
import { searchKeywords } from '~/services/ai/search-keywords.server'
import {
  advanceSavedSearchCheck,
  countSavedSearchesOf,
  deleteSavedSearchOf,
  findSavedSearchByQuery,
  insertSavedSearch,
  listAlertingSavedSearches,
  renameSavedSearchOf,
  setSavedSearchNotify,
  type SavedSearch,
} from '~/models/saved-searches.server'
import type { Role, SavedSearchKind } from '~/domain/enums'
import { TALENT_SEARCH } from '~/domain/talent-search-params'
import type { SearchBasics, SearchQuery } from '~/domain/search-query'
import { countNewTalent, readTalentSearch } from './talent-search.server'
import { notify } from '~/services/notifications/notify.server'
import type { Refusal } from '~/services/domain-errors'
import { PROJECT_SEARCH, describeSearch, parseSearchParams, toSearchInput } from '~/domain/project-search-params'

export const MAX_SAVED_SEARCHES = 25

/** The searchProjects() input of a stored query string: newest first, no page. */
function savedSearchInput(query: string) {
  const { params } = parseSearchParams(new URLSearchParams(query))
  return {
    ...toSearchInput({ ...params, page: 1 }),
    ...searchKeywords(params.q),
    sort: 'newest' as const,
  }
}

/** What a member saves: freelancers search for projects, clients for freelancers. */
export function savedSearchKindOf(role: Role): SavedSearchKind | null {
  return role === 'freelancer' ? 'projects' : role === 'client' ? 'freelancers' : null
}

/** A stored query string read as its kind's search: canonical text, words, name to start from, page. */
export function readSavedQuery(kind: SavedSearchKind, query: string) {
  const search = new URLSearchParams(query)
  return kind === 'freelancers'
    ? summarise(TALENT_SEARCH, readTalentSearch(search).params)
    : summarise(PROJECT_SEARCH, parseSearchParams(search).params)
}

function summarise<P extends SearchBasics>(search: SearchQuery<P>, params: P) {
  return {
    empty: search.isEmpty(params),
    query: search.queryString(params),
    description: search.describe(params),
    suggestedName: search.suggestName(params),
    path: search.path,
  }
}

export type SaveSearchResult = { ok: true; search: SavedSearch } | Refusal<'invalid' | 'conflict', 'name' | 'query'>

export async function saveSearch(
  userId: string,
  input: { name: string; query: string; notify: boolean },
  now = new Date(),
  kind: SavedSearchKind = 'projects',
): Promise<SaveSearchResult> {
  const read = readSavedQuery(kind, input.query)
  if (read.empty) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'query',
      message: 'Add keywords or a filter first; a search for everything is not worth saving.',
    }
  }
  const query = read.query
  if (await findSavedSearchByQuery(userId, kind, query)) {
    return { ok: false, reason: 'conflict', field: 'query', message: 'You have already saved this search.' }
  }
  if ((await countSavedSearchesOf(userId)) >= MAX_SAVED_SEARCHES) {
    return {
      ok: false,
      reason: 'invalid',
      field: 'query',
      message: `You can keep up to ${MAX_SAVED_SEARCHES} saved searches; delete one first.`,
    }
  }
  const name = input.name.trim() || read.description.slice(0, 80)
  const search = await insertSavedSearch({ userId, kind, name, query, notify: input.notify, checkedAt: now })
  return { ok: true, search }
}

/** A change to one saved search; only its owner may make it, so another user's id is simply not found. */
export type SavedSearchChange = { ok: true } | { ok: false; reason: 'not-found' }

export async function deleteSavedSearch(userId: string, searchId: string): Promise<SavedSearchChange> {
  return (await deleteSavedSearchOf(userId, searchId)) ? { ok: true } : { ok: false, reason: 'not-found' }
}

export async function renameSavedSearch(userId: string, searchId: string, name: string): Promise<SavedSearchChange> {
  return (await renameSavedSearchOf(userId, searchId, name.trim())) ? { ok: true } : { ok: false, reason: 'not-found' }
}

/** Turns alerts on or off; turning them on counts from now, so old projects do not arrive as "new". */
export async function setSavedSearchAlerts(
  userId: string,
  searchId: string,
  on: boolean,
  now = new Date(),
): Promise<SavedSearchChange> {
  return (await setSavedSearchNotify(userId, searchId, on, now)) ? { ok: true } : { ok: false, reason: 'not-found' }
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`
}

/**
 * Counts the projects of one search in (checkedAt, upTo], moves its mark to upTo and, when there
 * were any (and nobody moved the mark meanwhile), tells its owner once with the count.
 */
async function checkOne(search: SavedSearch, upTo: Date): Promise<number> {
  if (upTo.getTime() <= search.checkedAt.getTime()) return 0
  if (search.kind === 'freelancers') return checkTalent(search, upTo)
  const count = await countProjects({
    ...savedSearchInput(search.query),
    createdAfter: search.checkedAt,
    createdUpTo: upTo,
    now: upTo,
  })
  if (!(await advanceSavedSearchCheck(search.id, search.checkedAt, upTo))) return 0
  if (count === 0) return 0
  await notify({
    userId: search.userId,
    kind: 'saved_search_match',
    title: `${plural(count, 'new project matches', 'new projects match')} “${search.name}”`,
    body: describeSearch(parseSearchParams(new URLSearchParams(search.query)).params),
    link: `/projects?${new URLSearchParams([...new URLSearchParams(search.query), ['sort', 'newest']])}`,
  })
  return count
}

/** A talent search's check: freelancers listed in (checkedAt, upTo] who match it, told once. */
async function checkTalent(search: SavedSearch, upTo: Date): Promise<number> {
  const count = await countNewTalent(search.query, search.checkedAt, upTo)
  if (!(await advanceSavedSearchCheck(search.id, search.checkedAt, upTo))) return 0
  if (count === 0) return 0
  const read = readSavedQuery('freelancers', search.query)
  await notify({
    userId: search.userId,
    kind: 'saved_search_match',
    title: `${plural(count, 'new freelancer matches', 'new freelancers match')} “${search.name}”`,
    body: read.description,
    link: `/freelancers?${read.query}`,
  })
  return count
}

/** The scheduled job: every alerting search, projects posted (or freelancers listed) since its last check. */
export async function runSavedSearchAlerts(now = new Date()): Promise<{ searches: number; notified: number }> {
  let notified = 0
  const searches = await listAlertingSavedSearches()
  for (const search of searches) if ((await checkOne(search, now)) > 0) notified++
  return { searches: searches.length, notified }
}

/**
 * Call after a project is posted (and committed): each alerting search it matches is told now,
 * with every match since that search's last check (this project included), so the job does not
 * announce them again. Searches of the project's own client are skipped.
 */
export async function notifySavedSearchMatches(project: {
  id: string
  clientId: string
  createdAt: Date
}): Promise<number> {
  let notified = 0
  for (const search of await listAlertingSavedSearches('projects')) {
    if (search.userId === project.clientId) continue
    const input = savedSearchInput(search.query)
    if ((await countProjects({ ...input, projectId: project.id, now: project.createdAt })) === 0) continue
    if ((await checkOne(search, project.createdAt)) > 0) notified++
  }
  return notified
}
