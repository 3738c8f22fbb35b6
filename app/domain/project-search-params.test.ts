import { describe, expect, it } from 'vitest'
import {
  describeSearch,
  suggestSearchName,
  isEmptySearch,
  parseSearchParams,
  searchQueryString,
  toSearchInput,
} from './project-search-params'

const parse = (query: string) => parseSearchParams(new URLSearchParams(query))

describe('parseSearchParams', () => {
  it('reads every facet', () => {
    const { params, problems } = parse(
      'q=react+dashboard&skill=React&skill=TypeScript&type=fixed&min=500&max=2000&posted=7&rating=4.5&level=expert&sort=newest&page=3',
    )
    expect(problems).toEqual([])
    expect(params).toEqual({
      q: 'react dashboard',
      skills: ['React', 'TypeScript'],
      type: 'fixed',
      min: '500',
      max: '2000',
      posted: '7',
      rating: '4.5',
      level: 'expert',
      sort: 'newest',
      page: 3,
    })
    expect(toSearchInput(params)).toMatchObject({
      q: 'react dashboard',
      skills: ['React', 'TypeScript'],
      budgetType: 'fixed',
      budgetMin: 500,
      budgetMax: 2000,
      postedWithinDays: 7,
      clientRatingMin: 4.5,
      experienceLevel: 'expert',
      sort: 'newest',
      page: 3,
    })
  })

  it('has defaults for an empty query string', () => {
    const { params, problems } = parse('')
    expect(problems).toEqual([])
    expect(params).toMatchObject({ q: '', skills: [], type: '', sort: 'relevance', page: 1 })
    expect(isEmptySearch(params)).toBe(true)
    expect(describeSearch(params)).toBe('All open projects')
  })

  it('drops values that make no sense and says so', () => {
    const { params, problems } = parse('type=barter&min=lots&max=-5&posted=2&rating=5&level=guru&sort=random&page=-4')
    expect(params).toMatchObject({
      type: '',
      min: '',
      max: '',
      posted: '',
      rating: '',
      level: '',
      sort: 'relevance',
      page: 1,
    })
    expect(problems).toHaveLength(6)
    expect(problems).toContain('Minimum budget must be a number; it was ignored.')
  })

  it('accepts "1,500" budgets and swaps a minimum above the maximum', () => {
    const { params, problems } = parse('min=2,000&max=1500.50')
    expect(params).toMatchObject({ min: '1500.5', max: '2000' })
    expect(problems).toEqual(['The minimum budget was above the maximum; they were swapped.'])
  })

  it('ignores blank and repeated skills and keeps at most 10', () => {
    const skills = Array.from({ length: 12 }, (_, i) => `skill=S${i}`).join('&')
    const { params, problems } = parse(`skill=&skill=S1&${skills}`)
    expect(params.skills).toHaveLength(10)
    expect(params.skills[0]).toBe('S1')
    expect(problems).toEqual(['Only the first 10 skills were used.'])
  })

  it('caps the keywords and the page', () => {
    expect(parse(`q=${'a'.repeat(500)}`).params.q).toHaveLength(200)
    expect(parse('page=999999').params.page).toBe(500)
    expect(parse('page=2.5').params.page).toBe(1)
  })
})

describe('searchQueryString', () => {
  it('writes one canonical form: sorted skills, default sort and page left out', () => {
    const a = parse('skill=TypeScript&q=react&skill=React&sort=relevance&page=4').params
    const b = parse('q=react&skill=React&skill=TypeScript').params
    expect(searchQueryString(a)).toBe('q=react&skill=React&skill=TypeScript')
    expect(searchQueryString(a)).toBe(searchQueryString(b))
    expect(searchQueryString(a, { withPage: true })).toBe('q=react&skill=React&skill=TypeScript&page=4')
  })

  it('round-trips through the parser', () => {
    const query =
      'q=node.js+%22api%22&skill=Node.js&type=hourly&min=20&max=60&posted=1&rating=4&level=entry&sort=budget_high'
    const params = parse(query).params
    expect(parse(searchQueryString(params)).params).toEqual(params)
  })

  it('describes a search in words', () => {
    expect(describeSearch(parse('q=react&skill=React&type=fixed&max=500&rating=4').params)).toBe(
      '“react” · React · fixed price · budget up to 500 · client rated 4+',
    )
  })

  it('suggests a saved search’s name without quotes (messages quote the name), at most 80 characters', () => {
    expect(suggestSearchName(parse('q=react&skill=React&type=fixed').params)).toBe('react · React · fixed price')
    expect(suggestSearchName(parse(`q=${'a'.repeat(100)}`).params)).toHaveLength(80)
  })
})
