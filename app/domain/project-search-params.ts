/**
 * The Find Work page's query string: its filters, read and written the way every search's are
 * (search-query.ts: forgiving reading, one canonical form that saved searches store). No database
 * code: safe in the browser and in unit tests.
 */
import { valuesOf } from '~/domain/value-labels'
import { defineSearchQuery, rangeInWords, searchReader, type SearchQuery } from '~/domain/search-query'
import { BUDGET_TYPES, EXPERIENCE_LEVELS, type BudgetType, type ExperienceLevel } from '~/domain/enums'

export const SORT_LABELS = {
  relevance: 'Best match',
  newest: 'Newest',
  budget_high: 'Budget: high to low',
  budget_low: 'Budget: low to high',
}
const SEARCH_SORTS = valuesOf(SORT_LABELS)
export type SearchSort = (typeof SEARCH_SORTS)[number]

/** "Posted within" choices, in days (1 = the last 24 hours). */
export const POSTED_WITHIN = ['1', '3', '7', '30'] as const
export const POSTED_LABELS: Record<(typeof POSTED_WITHIN)[number], string> = {
  '1': 'Last 24 hours',
  '3': 'Last 3 days',
  '7': 'Last 7 days',
  '30': 'Last 30 days',
}
const RATINGS = ['4', '4.5'] as const
export const EXPERIENCE_LABELS: Record<ExperienceLevel, string> = {
  entry: 'Entry level',
  intermediate: 'Intermediate',
  expert: 'Expert',
}

/** Private-use characters around the matched words of a result's snippet. */
export const SNIPPET_MARK_START = '\uE000'
export const SNIPPET_MARK_END = '\uE001'

const MAX_SKILLS = 10
const MAX_BUDGET = 100_000_000

/** The search as the form shows it: every value a string (empty = not set). */
export type SearchParams = {
  q: string
  skills: string[]
  type: BudgetType | ''
  min: string
  max: string
  posted: (typeof POSTED_WITHIN)[number] | ''
  rating: (typeof RATINGS)[number] | ''
  level: ExperienceLevel | ''
  sort: SearchSort
  page: number
}

export type ParsedSearch = {
  params: SearchParams
  /** Values that were dropped, said plainly (shown above the results). */
  problems: string[]
}

export function parseSearchParams(search: URLSearchParams): ParsedSearch {
  const read = searchReader(search)
  const q = read.keywords()
  const skills = read.skills(MAX_SKILLS)
  const type = read.choice('type', BUDGET_TYPES, 'Budget type must be fixed or hourly; it was ignored.')
  const { min, max } = read.amountRange('budget', { upTo: MAX_BUDGET })
  const posted = read.choice('posted', POSTED_WITHIN, 'That "posted within" choice is not offered; it was ignored.')
  const rating = read.choice('rating', RATINGS, 'Client rating must be 4 or 4.5; it was ignored.')
  const level = read.choice('level', EXPERIENCE_LEVELS, 'That experience level is not offered; it was ignored.')
  const sort = read.sort(SEARCH_SORTS)
  const page = read.page()
  return { params: { q, skills, type, min, max, posted, rating, level, sort, page }, problems: read.problems }
}

/** Find work's query string, link, emptiness and words (see search-query.ts). */
export const PROJECT_SEARCH = /* @__PURE__ */ defineSearchQuery<SearchParams>({
  path: '/projects',
  sorts: SEARCH_SORTS,
  filters: ['type', 'min', 'max', 'posted', 'rating', 'level'],
  describeFilters: (params) => {
    const budget = rangeInWords(params)
    return [
      ...(params.type ? [params.type === 'fixed' ? 'fixed price' : 'hourly'] : []),
      ...(budget ? [`budget ${budget}`] : []),
      ...(params.posted ? [POSTED_LABELS[params.posted].toLowerCase()] : []),
      ...(params.rating ? [`client rated ${params.rating}+`] : []),
      ...(params.level ? [EXPERIENCE_LABELS[params.level].toLowerCase()] : []),
    ]
  },
  everything: 'All open projects',
})
// The names callers know; written as functions (not destructured) so a browser bundle that needs none of them drops them.
export const searchQueryString: SearchQuery<SearchParams>['queryString'] = (...args) =>
  PROJECT_SEARCH.queryString(...args)
export const isEmptySearch: SearchQuery<SearchParams>['isEmpty'] = (...args) => PROJECT_SEARCH.isEmpty(...args)
export const describeSearch: SearchQuery<SearchParams>['describe'] = (...args) => PROJECT_SEARCH.describe(...args)
export const suggestSearchName: SearchQuery<SearchParams>['suggestName'] = (...args) =>
  PROJECT_SEARCH.suggestName(...args)

/** The input of searchProjects() for these parameters (budgets stay in major units). */
export function toSearchInput(params: SearchParams) {
  return {
    q: params.q || undefined,
    skills: params.skills.length ? params.skills : undefined,
    budgetType: params.type || undefined,
    budgetMin: params.min ? Number(params.min) : undefined,
    budgetMax: params.max ? Number(params.max) : undefined,
    postedWithinDays: params.posted ? Number(params.posted) : undefined,
    clientRatingMin: params.rating ? Number(params.rating) : undefined,
    experienceLevel: params.level || undefined,
    sort: params.sort,
    page: params.page,
  }
}
