import { describe, expect, it } from 'vitest'
import { defineSearchQuery, rangeInWords, removalLinks, searchReader } from './search-query'

// A small search of its own, so these tests say what any search gets, not what Find work or Find talent declare.
type GigParams = {
  q: string
  skills: string[]
  min: string
  max: string
  city: 'paris' | 'oslo' | ''
  sort: 'relevance' | 'newest'
  page: number
}

const GIG_SEARCH = defineSearchQuery<GigParams>({
  path: '/gigs',
  sorts: ['relevance', 'newest'],
  filters: ['min', 'max', 'city'],
  describeFilters: (params) => {
    const pay = rangeInWords(params)
    return [...(pay ? [`pay ${pay}`] : []), ...(params.city ? [params.city] : [])]
  },
  everything: 'All gigs',
})

function readGigs(query: string): { params: GigParams; problems: string[] } {
  const read = searchReader(new URLSearchParams(query))
  const q = read.keywords()
  const skills = read.skills(3)
  const { min, max } = read.amountRange('pay', { upTo: 1000, signs: '$' })
  const city = read.choice('city', ['paris', 'oslo'] as const, 'No such city; it was ignored.')
  const sort = read.sort(['relevance', 'newest'] as const)
  const page = read.page()
  return { params: { q, skills, min, max, city, sort, page }, problems: read.problems }
}

describe('searchReader', () => {
  it('reads keywords, skills, a range, a choice, the sort and the page', () => {
    expect(
      readGigs('q=++bar+staff+&skill=Cocktails&skill=Wine&min=$10&max=1,000&city=oslo&sort=newest&page=2'),
    ).toEqual({
      params: {
        q: 'bar staff',
        skills: ['Cocktails', 'Wine'],
        min: '10',
        max: '1000',
        city: 'oslo',
        sort: 'newest',
        page: 2,
      },
      problems: [],
    })
  })

  it('drops what makes no sense and says each thing in the order read', () => {
    const { params, problems } = readGigs(
      'skill=A&skill=B&skill=C&skill=D&min=lots&max=-1&city=rome&sort=oldest&page=0',
    )
    expect(params).toMatchObject({ skills: ['A', 'B', 'C'], min: '', max: '', city: '', sort: 'relevance', page: 1 })
    expect(problems).toEqual([
      'Only the first 3 skills were used.',
      'Minimum pay must be a number; it was ignored.',
      'Maximum pay must be a number; it was ignored.',
      'No such city; it was ignored.',
    ])
  })

  it('leaves out blank, repeated and over-long skills without a word', () => {
    const { params, problems } = readGigs(`skill=&skill=+Wine+&skill=Wine&skill=${'x'.repeat(61)}`)
    expect(params.skills).toEqual(['Wine'])
    expect(problems).toEqual([])
  })

  it('swaps a minimum above the maximum and writes amounts as plain numbers', () => {
    const { params, problems } = readGigs('min=900.50&max=1_0')
    expect(params).toMatchObject({ min: '10', max: '900.5' })
    expect(problems).toEqual(['The minimum pay was above the maximum; they were swapped.'])
  })

  it('takes only the currency signs it is given, and nothing above the cap', () => {
    expect(readGigs('min=€10').params.min).toBe('')
    expect(readGigs('max=1001').problems).toEqual(['Maximum pay must be a number; it was ignored.'])
  })

  it('caps the keywords at 200 characters and the page at 500; a page that is not whole is 1', () => {
    expect(readGigs(`q=${'a'.repeat(300)}`).params.q).toHaveLength(200)
    expect(readGigs('page=999999').params.page).toBe(500)
    expect(readGigs('page=2.5').params.page).toBe(1)
    expect(readGigs('page=abc').params.page).toBe(1)
  })
})

describe('defineSearchQuery', () => {
  it('writes one canonical query string: sorted skills, filters in declared order, default sort and page left out', () => {
    const a = readGigs('city=paris&max=50&skill=Wine&q=bar&skill=Cocktails&sort=relevance&page=3').params
    const b = readGigs('q=bar&skill=Cocktails&skill=Wine&max=50&city=paris').params
    expect(GIG_SEARCH.queryString(a)).toBe('q=bar&skill=Cocktails&skill=Wine&max=50&city=paris')
    expect(GIG_SEARCH.queryString(a)).toBe(GIG_SEARCH.queryString(b))
    expect(GIG_SEARCH.queryString(a, { withPage: true })).toBe(
      'q=bar&skill=Cocktails&skill=Wine&max=50&city=paris&page=3',
    )
    expect(GIG_SEARCH.queryString({ ...a, sort: 'newest', page: 1 }, { withPage: true })).toBe(
      'q=bar&skill=Cocktails&skill=Wine&max=50&city=paris&sort=newest',
    )
  })

  it('round-trips through the reader', () => {
    const params = readGigs('q=%22bar%22+staff&skill=Wine&min=5&max=20&city=oslo&sort=newest').params
    expect(readGigs(GIG_SEARCH.queryString(params)).params).toEqual(params)
  })

  it('links to the search on its page, with no "?" when nothing is set', () => {
    expect(GIG_SEARCH.href(readGigs('').params)).toBe('/gigs')
    expect(GIG_SEARCH.href(readGigs('city=oslo&page=4').params)).toBe('/gigs?city=oslo')
  })

  it('calls a search empty when only the sort or page is set', () => {
    expect(GIG_SEARCH.isEmpty(readGigs('sort=newest&page=2').params)).toBe(true)
    expect(GIG_SEARCH.isEmpty(readGigs('city=oslo').params)).toBe(false)
    expect(GIG_SEARCH.isEmpty(readGigs('skill=Wine').params)).toBe(false)
    expect(GIG_SEARCH.isEmpty(readGigs('q=bar').params)).toBe(false)
  })

  it('describes the search in words, and suggests a name without quotes of at most 80 characters', () => {
    const params = readGigs('q=bar&skill=Wine&min=5&city=oslo').params
    expect(GIG_SEARCH.describe(params)).toBe('“bar” · Wine · pay from 5 · oslo')
    expect(GIG_SEARCH.suggestName(params)).toBe('bar · Wine · pay from 5 · oslo')
    expect(GIG_SEARCH.describe(readGigs('').params)).toBe('All gigs')
    expect(GIG_SEARCH.suggestName(readGigs(`q=${'a'.repeat(100)}`).params)).toHaveLength(80)
  })
})

describe('rangeInWords', () => {
  it('says both ends, one end, or nothing', () => {
    expect(rangeInWords({ min: '5', max: '20' })).toBe('5–20')
    expect(rangeInWords({ min: '5', max: '' })).toBe('from 5')
    expect(rangeInWords({ min: '', max: '20' })).toBe('up to 20')
    expect(rangeInWords({ min: '', max: '' })).toBeNull()
  })
})

describe('removalLinks', () => {
  const widen = (query: string) =>
    removalLinks(GIG_SEARCH, readGigs(query).params, {
      withoutKeywords: (q) => `Every gig, not “${q}”`,
      filters: [
        { label: 'Any pay', filters: ['min', 'max'] },
        { label: 'Any city', filters: ['city'] },
      ],
    })

  it('drops the keywords, each skill, then each filter set, keeping the rest and the sort but not the page', () => {
    expect(widen('q=bar&skill=Wine&skill=Cocktails&max=40&city=oslo&sort=newest&page=3')).toEqual([
      { label: 'Every gig, not “bar”', href: '/gigs?skill=Cocktails&skill=Wine&max=40&city=oslo&sort=newest' },
      { label: 'Remove the skill Wine', href: '/gigs?q=bar&skill=Cocktails&max=40&city=oslo&sort=newest' },
      { label: 'Remove the skill Cocktails', href: '/gigs?q=bar&skill=Wine&max=40&city=oslo&sort=newest' },
      { label: 'Any pay', href: '/gigs?q=bar&skill=Cocktails&skill=Wine&city=oslo&sort=newest' },
      { label: 'Any city', href: '/gigs?q=bar&skill=Cocktails&skill=Wine&max=40&sort=newest' },
    ])
  })

  it('offers nothing for a search that narrows nothing', () => {
    expect(widen('sort=newest')).toEqual([])
  })
})
