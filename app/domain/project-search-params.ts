/**
 * The Find Work page's query string: parsing it (forgivingly — a search link never fails, a value
 * that makes no sense is dropped and reported) and writing it back in one canonical form, which is
 * also what a saved search stores. No database code: safe in the browser and in unit tests.
 */
import { valuesOf } from '~/domain/value-labels'
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

const MAX_QUERY_LENGTH = 200
const MAX_SKILLS = 10
const MAX_BUDGET = 100_000_000
const MAX_PAGE = 500

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

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''
}

/** A whole, non-negative amount in major units ("1,500" and "1500.00" are fine), or null. */
function parseBudget(text: string): number | null {
  const cleaned = text.replace(/[,\s_]/g, '')
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isFinite(value) && value <= MAX_BUDGET ? value : null
}

export function parseSearchParams(search: URLSearchParams): ParsedSearch {
  const problems: string[] = []
  const q = (search.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)

  const skills: string[] = []
  for (const raw of search.getAll('skill')) {
    const skill = raw.trim()
    if (skill && !skills.includes(skill) && skill.length <= 60) skills.push(skill)
  }
  if (skills.length > MAX_SKILLS) {
    problems.push(`Only the first ${MAX_SKILLS} skills were used.`)
    skills.length = MAX_SKILLS
  }

  const rawType = search.get('type') ?? ''
  const type = oneOf(BUDGET_TYPES, rawType)
  if (rawType && !type) problems.push('Budget type must be fixed or hourly; it was ignored.')

  let min = (search.get('min') ?? '').trim()
  let max = (search.get('max') ?? '').trim()
  let minValue = min ? parseBudget(min) : null
  let maxValue = max ? parseBudget(max) : null
  if (min && minValue === null) {
    problems.push('Minimum budget must be a number; it was ignored.')
    min = ''
  }
  if (max && maxValue === null) {
    problems.push('Maximum budget must be a number; it was ignored.')
    max = ''
  }
  if (minValue !== null && maxValue !== null && minValue > maxValue) {
    problems.push('The minimum budget was above the maximum; they were swapped.')
    ;[min, max] = [max, min]
    ;[minValue, maxValue] = [maxValue, minValue]
  }
  if (minValue !== null) min = String(minValue)
  if (maxValue !== null) max = String(maxValue)

  const rawPosted = search.get('posted') ?? ''
  const posted = oneOf(POSTED_WITHIN, rawPosted)
  if (rawPosted && !posted) problems.push('That "posted within" choice is not offered; it was ignored.')

  const rawRating = search.get('rating') ?? ''
  const rating = oneOf(RATINGS, rawRating)
  if (rawRating && !rating) problems.push('Client rating must be 4 or 4.5; it was ignored.')

  const rawLevel = search.get('level') ?? ''
  const level = oneOf(EXPERIENCE_LEVELS, rawLevel)
  if (rawLevel && !level) problems.push('That experience level is not offered; it was ignored.')

  const sort = oneOf(SEARCH_SORTS, search.get('sort')) || 'relevance'

  const rawPage = search.get('page')
  const pageNumber = rawPage ? Number(rawPage) : 1
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1

  return { params: { q, skills, type, min, max, posted, rating, level, sort, page }, problems }
}

/**
 * The canonical query string of a search (no page; default sort left out), in a fixed order, so
 * two equal searches give the same text. `page` is added when asked for.
 */
export function searchQueryString(
  params: Omit<SearchParams, 'page'> & { page?: number },
  { withPage = false } = {},
): string {
  const out = new URLSearchParams()
  if (params.q) out.set('q', params.q)
  for (const skill of [...params.skills].sort((a, b) => a.localeCompare(b))) out.append('skill', skill)
  if (params.type) out.set('type', params.type)
  if (params.min) out.set('min', params.min)
  if (params.max) out.set('max', params.max)
  if (params.posted) out.set('posted', params.posted)
  if (params.rating) out.set('rating', params.rating)
  if (params.level) out.set('level', params.level)
  if (params.sort !== 'relevance') out.set('sort', params.sort)
  if (withPage && params.page && params.page > 1) out.set('page', String(params.page))
  return out.toString()
}

/** True when the search narrows nothing (then there is nothing worth saving). */
export function isEmptySearch(params: SearchParams): boolean {
  return (
    !params.q &&
    !params.skills.length &&
    !params.type &&
    !params.min &&
    !params.max &&
    !params.posted &&
    !params.rating &&
    !params.level
  )
}

/** What the search looks for, in words ("“react dashboard” · TypeScript · fixed price"). */
export function describeSearch(params: SearchParams, { quoteWords = true } = {}): string {
  const parts: string[] = []
  if (params.q) parts.push(quoteWords ? `“${params.q}”` : params.q)
  parts.push(...params.skills)
  if (params.type) parts.push(params.type === 'fixed' ? 'fixed price' : 'hourly')
  if (params.min && params.max) parts.push(`budget ${params.min}–${params.max}`)
  else if (params.min) parts.push(`budget from ${params.min}`)
  else if (params.max) parts.push(`budget up to ${params.max}`)
  if (params.posted) parts.push(POSTED_LABELS[params.posted].toLowerCase())
  if (params.rating) parts.push(`client rated ${params.rating}+`)
  if (params.level) parts.push(EXPERIENCE_LABELS[params.level].toLowerCase())
  return parts.length ? parts.join(' · ') : 'All open projects'
}

/**
 * The name a saved search starts with: its description with the words unquoted, since messages
 * put the name in quotes (Saved “react dashboard · TypeScript”), and at most 80 characters.
 */
export function suggestSearchName(params: SearchParams): string {
  return describeSearch(params, { quoteWords: false }).slice(0, 80)
}

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
