/**
 * The talent search's query string (/freelancers): parsing it forgivingly (a value that makes no
 * sense is dropped and said plainly, never a failure) and writing it back in one canonical form,
 * which is also what a client's saved talent search stores. No database code.
 */
import { valuesOf } from '~/domain/value-labels'

export const TALENT_SORT_LABELS = {
  relevance: 'Best match',
  rate_low: 'Rate: low to high',
  rating: 'Rating',
  active: 'Recently active',
}
const TALENT_SORTS = valuesOf(TALENT_SORT_LABELS)
export type TalentSort = (typeof TALENT_SORTS)[number]

export const AVAILABLE_LABELS = { yes: 'Available (full or part time)', full_time: 'Available full time' }
const AVAILABLE_CHOICES = valuesOf(AVAILABLE_LABELS)

export const RATING_LABELS = { reviewed: 'Has reviews', '4': '4 stars and up', '4.5': '4.5 stars and up' }
const RATING_CHOICES = valuesOf(RATING_LABELS)

/** Freelancers per page of results. */
export const TALENT_PAGE_SIZE = 20

const MAX_QUERY_LENGTH = 200
const MAX_SKILLS = 5
const MAX_RATE = 1_000_000
const MAX_PAGE = 500

/** The search as the form shows it: every value a string (empty = not set). */
export type TalentParams = {
  q: string
  skills: string[]
  min: string
  max: string
  available: (typeof AVAILABLE_CHOICES)[number] | ''
  rating: (typeof RATING_CHOICES)[number] | ''
  sort: TalentSort
  page: number
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | '' {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : ''
}

/** A non-negative rate in major units ("1,500" and "45.50" are fine), or null. */
function parseRate(text: string): number | null {
  const cleaned = text.replace(/[,\s_$€£]/g, '')
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null
  const value = Number(cleaned)
  return Number.isFinite(value) && value <= MAX_RATE ? value : null
}

export function parseTalentParams(search: URLSearchParams): { params: TalentParams; problems: string[] } {
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

  let min = (search.get('min') ?? '').trim()
  let max = (search.get('max') ?? '').trim()
  let minValue = min ? parseRate(min) : null
  let maxValue = max ? parseRate(max) : null
  if (min && minValue === null) {
    problems.push('Minimum rate must be a number; it was ignored.')
    min = ''
  }
  if (max && maxValue === null) {
    problems.push('Maximum rate must be a number; it was ignored.')
    max = ''
  }
  if (minValue !== null && maxValue !== null && minValue > maxValue) {
    problems.push('The minimum rate was above the maximum; they were swapped.')
    ;[minValue, maxValue] = [maxValue, minValue]
  }
  min = minValue === null ? '' : String(minValue)
  max = maxValue === null ? '' : String(maxValue)

  const rawAvailable = search.get('available') ?? ''
  const available = oneOf(AVAILABLE_CHOICES, rawAvailable)
  if (rawAvailable && !available) problems.push('That availability choice is not offered; it was ignored.')

  const rawRating = search.get('rating') ?? ''
  const rating = oneOf(RATING_CHOICES, rawRating)
  if (rawRating && !rating) problems.push('Rating must be “reviewed”, 4 or 4.5; it was ignored.')

  const sort = oneOf(TALENT_SORTS, search.get('sort')) || 'relevance'

  const rawPage = search.get('page')
  const pageNumber = rawPage ? Number(rawPage) : 1
  const page = Number.isInteger(pageNumber) && pageNumber >= 1 ? Math.min(pageNumber, MAX_PAGE) : 1

  return { params: { q, skills, min, max, available, rating, sort, page }, problems }
}

/** The canonical query string (no page unless asked; default sort left out), in a fixed order. */
export function talentQueryString(
  params: Omit<TalentParams, 'page'> & { page?: number },
  { withPage = false } = {},
): string {
  const out = new URLSearchParams()
  if (params.q) out.set('q', params.q)
  for (const skill of [...params.skills].sort((a, b) => a.localeCompare(b))) out.append('skill', skill)
  if (params.min) out.set('min', params.min)
  if (params.max) out.set('max', params.max)
  if (params.available) out.set('available', params.available)
  if (params.rating) out.set('rating', params.rating)
  if (params.sort !== 'relevance') out.set('sort', params.sort)
  if (withPage && params.page && params.page > 1) out.set('page', String(params.page))
  return out.toString()
}

/** True when the search narrows nothing (then there is nothing worth saving). */
export function isEmptyTalentSearch(params: TalentParams): boolean {
  return !params.q && !params.skills.length && !params.min && !params.max && !params.available && !params.rating
}

/** What the search looks for, in words ("“logo” · Figma · up to 40 an hour · 4 stars and up"). */
export function describeTalentSearch(params: TalentParams, { quoteWords = true } = {}): string {
  const parts: string[] = []
  if (params.q) parts.push(quoteWords ? `“${params.q}”` : params.q)
  parts.push(...params.skills)
  if (params.min && params.max) parts.push(`${params.min}–${params.max} an hour`)
  else if (params.min) parts.push(`from ${params.min} an hour`)
  else if (params.max) parts.push(`up to ${params.max} an hour`)
  if (params.available) parts.push(AVAILABLE_LABELS[params.available].toLowerCase())
  if (params.rating) parts.push(RATING_LABELS[params.rating].toLowerCase())
  return parts.length ? parts.join(' · ') : 'All freelancers'
}

/** A saved talent search's starting name: the description unquoted, at most 80 characters. */
export function suggestTalentSearchName(params: TalentParams): string {
  return describeTalentSearch(params, { quoteWords: false }).slice(0, 80)
}

/** The input of searchFreelancers() for these parameters (rates stay in major units). */
export function toTalentSearchInput(params: TalentParams) {
  return {
    q: params.q || undefined,
    skills: params.skills.length ? params.skills : undefined,
    rateMin: params.min ? Number(params.min) : undefined,
    rateMax: params.max ? Number(params.max) : undefined,
    available: params.available || undefined,
    ratingMin: params.rating === '' ? undefined : params.rating === 'reviewed' ? 0 : Number(params.rating),
    sort: params.sort,
    page: params.page,
  }
}
