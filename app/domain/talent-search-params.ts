/**
 * The talent search's query string (/freelancers): its filters, read and written the way every
 * search's are (search-query.ts: forgiving reading, one canonical form that a client's saved talent
 * search stores). No database code.
 */
import { valuesOf } from '~/domain/value-labels'
import { defineSearchQuery, rangeInWords, searchReader, type SearchQuery } from '~/domain/search-query'

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

const MAX_SKILLS = 5
const MAX_RATE = 1_000_000

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

export function parseTalentParams(search: URLSearchParams): { params: TalentParams; problems: string[] } {
  const read = searchReader(search)
  const q = read.keywords()
  const skills = read.skills(MAX_SKILLS)
  const { min, max } = read.amountRange('rate', { upTo: MAX_RATE, signs: '$€£' })
  const available = read.choice(
    'available',
    AVAILABLE_CHOICES,
    'That availability choice is not offered; it was ignored.',
  )
  const rating = read.choice('rating', RATING_CHOICES, 'Rating must be “reviewed”, 4 or 4.5; it was ignored.')
  const sort = read.sort(TALENT_SORTS)
  const page = read.page()
  return { params: { q, skills, min, max, available, rating, sort, page }, problems: read.problems }
}

/** Find talent's query string, link, emptiness and words (see search-query.ts). */
export const TALENT_SEARCH = /* @__PURE__ */ defineSearchQuery<TalentParams>({
  path: '/freelancers',
  sorts: TALENT_SORTS,
  filters: ['min', 'max', 'available', 'rating'],
  describeFilters: (params) => {
    const rate = rangeInWords(params)
    return [
      ...(rate ? [`${rate} an hour`] : []),
      ...(params.available ? [AVAILABLE_LABELS[params.available].toLowerCase()] : []),
      ...(params.rating ? [RATING_LABELS[params.rating].toLowerCase()] : []),
    ]
  },
  everything: 'All freelancers',
})
// The names callers know; written as functions (not destructured) so a browser bundle that needs none of them drops them.
export const talentQueryString: SearchQuery<TalentParams>['queryString'] = (...args) =>
  TALENT_SEARCH.queryString(...args)
export const isEmptyTalentSearch: SearchQuery<TalentParams>['isEmpty'] = (...args) => TALENT_SEARCH.isEmpty(...args)
export const describeTalentSearch: SearchQuery<TalentParams>['describe'] = (...args) => TALENT_SEARCH.describe(...args)
export const suggestTalentSearchName: SearchQuery<TalentParams>['suggestName'] = (...args) =>
  TALENT_SEARCH.suggestName(...args)

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
